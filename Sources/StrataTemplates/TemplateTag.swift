/// A tag as the scanner reads it, before it takes its place in the tree.
struct TemplateTag {
    enum Kind: Equatable {
        case variable(escaped: Bool)
        case section, inverted, close, partial, parent, block, comment, delimiters
    }

    let kind: Kind
    /// The name, trimmed (empty for comments and delimiter changes).
    let name: String
    let location: TemplateLocation

    /// Whether the tag may stand alone on a line, which then leaves no trace in the output.
    var canStandAlone: Bool {
        if case .variable = kind { return false }
        return true
    }
}
