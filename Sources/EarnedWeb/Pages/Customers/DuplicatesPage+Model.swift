import EarnedDomain
import EarnedStore
import Plot

/// Suggested duplicates: each pair's two cards side by side with the reasons, a merge that keeps
/// the card chosen, and "not the same person".
struct DuplicatesPage {
    var viewer: ViewerContext
    var pairs: [DuplicatePair]
    var next: String?
    var isFirstPage: Bool
    var total: Int

    /// Why the last merge or dismissal was refused.
    var problem: String?
}
