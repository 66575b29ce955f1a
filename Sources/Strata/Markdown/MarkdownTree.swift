/// A Markdown document as plain Swift values, converted from cmark-gfm's tree right after parsing.
/// Lines are lines of the source file (front matter included), so diagnostics point at the file.
struct MarkdownDocument: Sendable, Equatable {
    var blocks: [Block]
    var footnotes: [Footnote]
    /// Where the nesting first passed `MarkdownLimits.maxDepth`; what lies below was left out.
    var tooDeep: SourceLocation? = nil

    /// Where the first raw HTML is, if any.
    var firstRawHTML: SourceLocation? {
        (blocks + footnotes.flatMap(\.blocks)).lazy.compactMap(\.firstRawHTML).first
    }
}

indirect enum Block: Sendable, Equatable {
    case paragraph([Inline])
    /// `id` is unique on the page (`HeadingIDs`), given when the tree is converted.
    case heading(level: Int, id: String, content: [Inline], location: SourceLocation)
    case blockQuote([Block])
    case list(ordered: Bool, start: Int, tight: Bool, items: [ListItem])
    case codeBlock(info: String, code: String)
    /// Raw HTML; rendered only when site.yml sets `unsafe_html: true`.
    case html(String, location: SourceLocation)
    case thematicBreak
    case table(Table)
}

struct ListItem: Sendable, Equatable {
    /// `nil` for a plain item, otherwise whether the task box is checked.
    var task: Bool?
    var blocks: [Block]
}

struct Table: Sendable, Equatable {
    enum Alignment: Sendable, Equatable { case none, left, center, right }
    var alignments: [Alignment]
    var header: [[Inline]]
    var rows: [[[Inline]]]
}

struct Footnote: Sendable, Equatable {
    var label: String
    var blocks: [Block]
}

indirect enum Inline: Sendable, Equatable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case html(String, location: SourceLocation)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(LinkTarget, [Inline])
    case image(LinkTarget, [Inline])
    case footnoteReference(label: String)
    /// `[[target]]`, `[[target|label]]`, `[[section/slug#heading]]`.
    case wikilink(target: String, label: String?, location: SourceLocation)
    /// `[@id]`, or `[@a; @b]` citing several of the page's sources in one bracket.
    case citation([Citation])
}

/// One source named in a citation: the `[` of its bracket for the first, its `@` for the others.
struct Citation: Sendable, Equatable {
    var id: String
    var location: SourceLocation
}

struct LinkTarget: Sendable, Equatable {
    var destination: String
    var title: String
    var location: SourceLocation
}

extension Inline {
    var firstRawHTML: SourceLocation? {
        switch self {
        case .html(_, let location): location
        case .emphasis(let children), .strong(let children), .strikethrough(let children),
            .link(_, let children), .image(_, let children):
            children.lazy.compactMap(\.firstRawHTML).first
        default: nil
        }
    }

    /// The text a reader sees, without markup (for heading ids, titles and search).
    var plainText: String {
        switch self {
        case .text(let text), .code(let text): text
        case .softBreak, .lineBreak: " "
        case .html, .footnoteReference, .citation: ""
        case .emphasis(let children), .strong(let children), .strikethrough(let children),
            .link(_, let children), .image(_, let children):
            children.plainText
        case .wikilink(let target, let label, _): label ?? target
        }
    }
}

extension [Inline] {
    var plainText: String { map(\.plainText).joined() }
}

extension Block {
    var firstRawHTML: SourceLocation? {
        switch self {
        case .html(_, let location): location
        case .paragraph(let inlines), .heading(_, _, let inlines, _): inlines.lazy.compactMap(\.firstRawHTML).first
        case .blockQuote(let blocks): blocks.lazy.compactMap(\.firstRawHTML).first
        case .list(_, _, _, let items): items.lazy.flatMap(\.blocks).compactMap(\.firstRawHTML).first
        case .table(let table):
            (table.header + table.rows.flatMap { $0 }).lazy.flatMap { $0 }.compactMap(\.firstRawHTML).first
        case .codeBlock, .thematicBreak: nil
        }
    }

    var plainText: String {
        switch self {
        case .paragraph(let inlines), .heading(_, _, let inlines, _): inlines.plainText
        case .blockQuote(let blocks): blocks.plainText
        case .list(_, _, _, let items): items.map(\.blocks.plainText).joined(separator: " ")
        case .codeBlock(_, let code): code
        case .html, .thematicBreak: ""
        case .table(let table):
            (table.header + table.rows.flatMap { $0 }).map(\.plainText).joined(separator: " ")
        }
    }
}

extension [Block] {
    var plainText: String { map(\.plainText).filter { !$0.isEmpty }.joined(separator: " ") }
}
