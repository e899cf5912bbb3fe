import EarnedDomain
import EarnedFormats

/// What an import did.
struct ImportDonePage {
    var viewer: ViewerContext
    var kind: ImportKind
    var report: ImportReport
}
