/// Renders a resolved Markdown document to HTML, numbering citations against the page's sources.
struct MarkdownHTML {
    let unsafeHTML: Bool
    /// Source id → its number in the page's source list.
    let sourceNumbers: [String: Int]
    private(set) var output = ""
    /// Source id → anchors of its citations, in order, for the links back from the source list.
    private(set) var citationAnchors: [String: [String]] = [:]
    private var footnoteReferences: [String: Int] = [:]

    init(unsafeHTML: Bool, sourceNumbers: [String: Int]) {
        self.unsafeHTML = unsafeHTML
        self.sourceNumbers = sourceNumbers
    }

    mutating func render(_ document: MarkdownDocument) {
        output.reserveCapacity(4096)
        for block in document.blocks { render(block, tight: false) }
        guard !document.footnotes.isEmpty else { return }
        output += "<section class=\"footnotes\">\n<ol>\n"
        for footnote in document.footnotes {
            output += "<li id=\"fn-\(footnote.label)\">\n"
            for block in footnote.blocks { render(block, tight: false) }
            let count = footnoteReferences[footnote.label] ?? 0
            for occurrence in 0..<max(count, 1) {
                let anchor = occurrence == 0 ? "fnref-\(footnote.label)" : "fnref-\(footnote.label)-\(occurrence + 1)"
                output +=
                    "<a href=\"#\(anchor)\" class=\"footnote-backref\" aria-label=\"Back to reference \(footnote.label)\">↩</a>\n"
            }
            output += "</li>\n"
        }
        output += "</ol>\n</section>\n"
    }

    // MARK: Blocks

    private mutating func render(_ block: Block, tight: Bool) {
        switch block {
        case .paragraph(let inlines):
            if tight {
                render(inlines)
                output += "\n"
            } else {
                output += "<p>"
                render(inlines)
                output += "</p>\n"
            }
        case .heading(let level, let id, let inlines, _):
            let id = HTML.escape(id)
            output += "<h\(level) id=\"\(id)\">"
            render(inlines)
            output += inlines.isEmpty ? "" : " "
            output += "<a class=\"anchor\" href=\"#\(id)\" aria-label=\"\(Self.anchorLabel(inlines))\">#</a></h\(level)>\n"
        case .blockQuote(let blocks):
            if let (alert, body) = Alert.of(blocks) {
                output += "<div class=\"markdown-alert markdown-alert-\(alert.rawValue)\">\n"
                output += "<p class=\"markdown-alert-title\">\(alert.title)</p>\n"
                body.forEach { render($0, tight: false) }
                output += "</div>\n"
            } else {
                output += "<blockquote>\n"
                blocks.forEach { render($0, tight: false) }
                output += "</blockquote>\n"
            }
        case .list(let ordered, let start, let tight, let items):
            renderList(ordered: ordered, start: start, tight: tight, items: items)
        case .codeBlock(let info, let code):
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            output += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(HTML.escape(language))\">"
            output += HTML.escape(code)
            output += "</code></pre>\n"
        case .html(let html, _):
            if unsafeHTML { output += HTML.tagFiltered(html) }
        case .thematicBreak:
            output += "<hr>\n"
        case .table(let table):
            renderTable(table)
        }
    }

    /// The anchor link's name: the heading's text, which a screen reader would not hear from `#`.
    static func anchorLabel(_ inlines: [Inline]) -> String {
        let text = inlines.plainText.trimmingSpaces
        return text.isEmpty ? "Link to this section" : "Link to section: " + HTML.escape(text)
    }

    private mutating func renderList(ordered: Bool, start: Int, tight: Bool, items: [ListItem]) {
        let isTaskList = items.contains { $0.task != nil }
        let classAttribute = isTaskList ? " class=\"task-list\"" : ""
        if ordered {
            output += start == 1 ? "<ol\(classAttribute)>\n" : "<ol start=\"\(start)\"\(classAttribute)>\n"
        } else {
            output += "<ul\(classAttribute)>\n"
        }
        for item in items {
            output += "<li>"
            if let checked = item.task {
                output +=
                    checked ? "<input type=\"checkbox\" checked disabled> " : "<input type=\"checkbox\" disabled> "
            }
            if !tight && !item.blocks.isEmpty { output += "\n" }
            for block in item.blocks { render(block, tight: tight) }
            if tight, output.hasSuffix("\n") { output.removeLast() }
            output += "</li>\n"
        }
        output += ordered ? "</ol>\n" : "</ul>\n"
    }

    private mutating func renderTable(_ table: Table) {
        func alignment(_ column: Int) -> String {
            guard column < table.alignments.count else { return "" }
            switch table.alignments[column] {
            case .none: return ""
            case .left: return " style=\"text-align: left\""
            case .center: return " style=\"text-align: center\""
            case .right: return " style=\"text-align: right\""
            }
        }
        output += "<div class=\"table-wrap\"><table>\n<thead>\n<tr>\n"
        for (column, cell) in table.header.enumerated() {
            output += "<th\(alignment(column))>"
            render(cell)
            output += "</th>\n"
        }
        output += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            output += "<tbody>\n"
            for row in table.rows {
                output += "<tr>\n"
                for (column, cell) in row.enumerated() {
                    output += "<td\(alignment(column))>"
                    render(cell)
                    output += "</td>\n"
                }
                output += "</tr>\n"
            }
            output += "</tbody>\n"
        }
        output += "</table></div>\n"
    }

    // MARK: Inlines

    private mutating func render(_ inlines: [Inline]) {
        for inline in inlines { render(inline) }
    }

    private mutating func render(_ inline: Inline) {
        switch inline {
        case .text(let text): output += HTML.escape(text)
        case .softBreak: output += "\n"
        case .lineBreak: output += "<br>\n"
        case .code(let code): output += "<code>\(HTML.escape(code))</code>"
        case .html(let html, _): if unsafeHTML { output += HTML.tagFiltered(html) }
        case .emphasis(let children): wrap("em", children)
        case .strong(let children): wrap("strong", children)
        case .strikethrough(let children): wrap("del", children)
        case .link(let target, let children):
            output += "<a href=\"\(HTML.escapeURL(target.destination))\""
            if !target.title.isEmpty { output += " title=\"\(HTML.escape(target.title))\"" }
            output += ">"
            render(children)
            output += "</a>"
        case .image(let target, let children):
            output += "<img src=\"\(HTML.escapeURL(target.destination))\" alt=\"\(HTML.escape(children.plainText))\""
            if !target.title.isEmpty { output += " title=\"\(HTML.escape(target.title))\"" }
            output += ">"
        case .footnoteReference(let label):
            let count = footnoteReferences[label, default: 0] + 1
            footnoteReferences[label] = count
            let anchor = count == 1 ? "fnref-\(label)" : "fnref-\(label)-\(count)"
            output += "<sup class=\"footnote-ref\"><a href=\"#fn-\(label)\" id=\"\(anchor)\">\(label)</a></sup>"
        case .citation(let citations):
            // One source: the bracket is the link. Several: one bracket, each number its own link.
            output += citations.count == 1 ? "<sup class=\"citation\">" : "<sup class=\"citation\">["
            for (position, citation) in citations.enumerated() {
                let number = sourceNumbers[citation.id] ?? 0
                var anchors = citationAnchors[citation.id, default: []]
                let anchor = "cite-\(number)-\(anchors.count + 1)"
                anchors.append(anchor)
                citationAnchors[citation.id] = anchors
                let text = citations.count == 1 ? "[\(number)]" : "\(number)"
                output += position == 0 ? "" : ", "
                output += "<a href=\"#source-\(number)\" id=\"\(anchor)\">\(text)</a>"
            }
            output += citations.count == 1 ? "</sup>" : "]</sup>"
        case .wikilink(let target, let label, _):
            output += HTML.escape(label ?? target)
        }
    }

    private mutating func wrap(_ tag: String, _ children: [Inline]) {
        output += "<\(tag)>"
        render(children)
        output += "</\(tag)>"
    }
}
