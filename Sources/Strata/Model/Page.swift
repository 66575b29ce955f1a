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
    var fields: PageFields { parsed.fields }
    var document: MarkdownDocument {
        get { parsed.document }
        set { parsed.document = newValue }
    }
    var title: String { parsed.fields.title }
    var fileStart: SourceLocation { parsed.fileStart }
    var frontMatterEnd: SourceLocation { parsed.frontMatterEnd }
    /// `section/slug`, the full name a wikilink may use.
    var qualifiedName: String { section.isEmpty ? slug : section + "/" + slug }
}

struct Heading: Sendable, Equatable {
    var id: String
    var level: Int
    var text: String
}

extension MarkdownDocument {
    /// Headings at any depth (quotes, lists, footnotes), in the order they are rendered.
    private var headingsInRenderOrder: [(Int, [Inline])] {
        var result: [(Int, [Inline])] = []
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .heading(let level, let content, _): result.append((level, content))
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

    /// Every heading with a unique id: the slug of its text, `-1`, `-2`… on repeats.
    var headings: [Heading] {
        var used = Set<String>()
        var result: [Heading] = []
        for (level, content) in headingsInRenderOrder {
            let text = content.plainText
            var base = Slug.make(from: text)
            if base.isEmpty { base = "section" }
            var id = base
            var counter = 0
            while !used.insert(id).inserted {
                counter += 1
                id = "\(base)-\(counter)"
            }
            result.append(Heading(id: id, level: level, text: text))
        }
        return result
    }
}
