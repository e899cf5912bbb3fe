import EarnedDomain
import EarnedFormats

/// The import's first step: what the file holds, and the file.
struct ImportPage {
    var viewer: ViewerContext
    var kind: ImportKind
    var error: String?
}
