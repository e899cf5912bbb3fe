import Foundation

/// Which layout `FitInputReader` found in the input file.
public enum FitInputKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A transaction log with a header: customer id, date and optionally amount (other columns
    /// ignored).
    case transactions
    /// A transaction log without a header in the CDNOW layout: master id, sample id, YYYYMMDD,
    /// CDs, dollars (Fader & Hardie's CDNOW sample, as shipped with `lifetimes`).
    case cdnowLog = "cdnow-log"
    /// One row per customer: frequency x, recency t_x, age T, optionally spend and an id — the
    /// summary of Fader, Hardie & Lee (2005, §3), as `lifetimes` writes it.
    case summary
}
