/// One piece of a compiled template. Names are split at parse time and partials are numbers
/// into the library, so rendering does no parsing and no look-up by template name.
indirect enum TemplateNode: Sendable {
    /// Text written as it is.
    case text(String)
    /// The start of a source line: the current indentation is written here, then the line's own
    /// leading whitespace (less what an inherited block strips).
    case lineStart(leading: String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(TemplateName, escaped: Bool, TemplateLocation)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool, TemplateLocation)
    /// `{{>name}}`: `indentation` is set when the tag stands alone on its line.
    case partial(PartialReference, indentation: String?)
    /// `{{<name}}…{{/name}}`: the template `name` with the blocks given here.
    case parent(PartialReference, overrides: [String: TemplateBlock], indentation: String?)
    /// `{{$name}}default{{/name}}`: a place a child template may fill.
    case block(TemplateBlock)
}

/// A name as written in a tag, split at its dots; `.` is the current value.
struct TemplateName: Sendable, Hashable, CustomStringConvertible {
    let parts: [String]
    var isImplicit: Bool { parts.isEmpty }
    var description: String { isImplicit ? "." : parts.joined(separator: ".") }

    init(_ text: String) {
        parts = text == "." ? [] : text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }
}

/// A partial or parent tag, resolved to the library's template number when the library loads.
struct PartialReference: Sendable {
    let name: String
    /// The template's number in the library, or nil when the library has no such template.
    let index: Int?
    let location: TemplateLocation
}

/// A block: its name, content and how its lines are indented.
struct TemplateBlock: Sendable {
    let name: String
    let content: [TemplateNode]
    /// For a block whose tag stands alone on its line, the indentation of its content: the
    /// leading whitespace of its first line (or of the tag, when it is empty). A filled block
    /// strips it from the lines given and adds the indentation of the place it fills.
    let indentation: String?
    let location: TemplateLocation
}
