/// A page's Markdown rendered to HTML, with its numbered sources and their citations.
struct PageBody {
    var html: String
    var sources: [SourceEntry]

    static func render(_ index: Int, in resolved: ResolvedSite) -> PageBody {
        let page = resolved.site.pages[index]
        var numbers: [String: Int] = [:]
        for (offset, source) in page.fields.sources.enumerated() { numbers[source.id.value] = offset + 1 }
        var renderer = MarkdownHTML(
            unsafeHTML: resolved.site.config.unsafeHTML, sourceNumbers: numbers)
        renderer.render(resolved.documents[index])
        let sources = page.fields.sources.enumerated().map { offset, source in
            let anchors = renderer.citationAnchors[source.id.value] ?? []
            return SourceEntry(
                number: offset + 1, id: source.id.value, title: source.title, url: source.url, author: source.author,
                publisher: source.publisher, published: source.published, accessed: source.accessed?.description,
                backrefs: anchors.enumerated().map { Backref(href: "#" + $1, label: String($0 + 1)) })
        }
        return PageBody(html: renderer.output, sources: sources)
    }
}
