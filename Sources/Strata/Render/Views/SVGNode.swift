/// A page drawn as a labelled box in an SVG drawing (the profile's relation graph, the relation
/// map), a link unless it is the page itself.
extension ViewBuilder {
    /// - Parameters:
    ///   - x: the box's centre; `y` likewise.
    ///   - description: what the link says beside the title ("Runs on"); `nil` draws the box without a link.
    ///   - width: a fixed width, else one to fit the title shortened to `limit` characters.
    func svgNode(
        _ index: Int, x: Int, y: Int, kind: String, description: String?, width: Int? = nil, limit: Int = 22
    ) -> String {
        // The title and URL only: a whole `Page` copied here was a measurable share of a build.
        let (title, pageURL) = (site.pages[index].title, site.pages[index].url)
        let text = Self.shortened(title, to: limit)
        let boxWidth = width ?? 24 + 8 * text.count
        let box = """
            <rect x="\(x - boxWidth / 2)" y="\(y - 16)" width="\(boxWidth)" height="32" rx="6"/>\
            <text x="\(x)" y="\(y + 5)">\(HTML.escape(text))</text>
            """
        guard let description else { return "<g class=\"\(kind)\">\(box)</g>\n" }
        let name = HTML.escape(description.isEmpty ? title : title + " (" + description + ")")
        return "<a class=\"\(kind)\" href=\"\(HTML.escape(href(pageURL)))\" aria-label=\"\(name)\">\(box)</a>\n"
    }

    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
