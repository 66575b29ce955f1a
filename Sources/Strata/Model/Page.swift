/// A page of the site model: a parsed page with its headings and its dates settled.
struct Page: Sendable {
    /// The file as the parse stage left it.
    var parsed: ParsedPage
    var headings: [Heading]
    /// `updated` from front matter, else the date of the file's last commit.
    var updated: Day?

    var path: String { parsed.path }
    var kind: PageKind { parsed.kind }
    var slug: String { parsed.slug }
    var section: String { parsed.section }
    var url: String { parsed.url }
    /// Lent, not copied: most reads want one field of it (`page.fields.layers`).
    var fields: PageFields {
        _read { yield parsed.fields }
    }
    var document: MarkdownDocument {
        _read { yield parsed.document }
        set { parsed.document = newValue }
    }
    var title: String { parsed.fields.title }
    var fileStart: SourceLocation { parsed.fileStart }
    var frontMatterEnd: SourceLocation { parsed.frontMatterEnd }
    var frontMatterFailed: Bool { parsed.frontMatterFailed }
    /// `section/slug`, the full name a wikilink may use.
    var qualifiedName: String { section.isEmpty ? slug : section + "/" + slug }
}

struct Heading: Sendable, Equatable {
    var id: String
    var level: Int
    var text: String
}

extension MarkdownDocument {
    /// Headings at any depth (quotes, lists, footnotes), in the order they are rendered, with
    /// the ids the conversion gave them.
    var headings: [Heading] {
        var result: [Heading] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, let id, let content, _):
                    result.append(Heading(id: id, level: level, text: content.plainText))
                case .blockQuote(let children): visit(children)
                case .list(_, _, _, let items): items.forEach { visit($0.blocks) }
                default: break
                }
            }
        }
        visit(blocks)
        footnotes.forEach { visit($0.blocks) }
        return result
    }
}
