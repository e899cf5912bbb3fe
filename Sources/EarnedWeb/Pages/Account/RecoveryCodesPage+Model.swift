import EarnedDomain
import Plot

/// The recovery codes, shown once right after they are made.
struct RecoveryCodesPage {
    var viewer: ViewerContext
    var codes: [String]
}
