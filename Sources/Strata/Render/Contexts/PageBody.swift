/// A page's Markdown rendered to HTML, with its numbered sources and their citations.
struct PageBody {
    var html: String
    var sources: [[String: Any]]

    static func render(_ index: Int, in resolved: ResolvedSite) -> PageBody {
        let page = resolved.site.pages[index]
        var numbers: [String: Int] = [:]
        for (offset, source) in page.fields.sources.enumerated() { numbers[source.id.value] = offset + 1 }
        var renderer = MarkdownHTML(
            unsafeHTML: resolved.site.config.unsafeHTML, sourceNumbers: numbers)
        renderer.render(resolved.documents[index])
        let sources = page.fields.sources.enumerated().map { offset, source in
            var entry: [String: Any] = ["number": offset + 1, "id": source.id.value, "title": source.title]
            if let url = source.url { entry["url"] = url }
            if let author = source.author { entry["author"] = author }
            if let publisher = source.publisher { entry["publisher"] = publisher }
            if let published = source.published { entry["published"] = published }
            if let accessed = source.accessed { entry["accessed"] = accessed.description }
            let anchors = renderer.citationAnchors[source.id.value] ?? []
            entry["backrefs"] = anchors.enumerated().map { ["href": "#" + $1, "label": String($0 + 1)] }
            return entry
        }
        return PageBody(html: renderer.output, sources: sources)
    }
}
