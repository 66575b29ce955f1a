/// `search/pages/N.js`: what a result shows of page N (in `SearchIndex.order`): title, URL
/// relative to the site root, summary, and the start of its text, where search.js finds the
/// passage to show with the query's words marked.
enum SearchFragment {
    /// The most text a fragment keeps, in Unicode scalars; it ends at a word boundary.
    static let textLimit = 2_000

    static func path(_ rank: Int) -> String { SearchIndex.pagesFolder + "\(rank).js" }

    static func build(rank: Int, page index: Int, _ resolved: ResolvedSite) -> OutputFile {
        let page = resolved.site.pages[index]
        let document = resolved.documents[index]
        var text = document.blocks.plainText
        let scalars = text.unicodeScalars
        if let cut = scalars.index(scalars.startIndex, offsetBy: textLimit, limitedBy: scalars.endIndex),
            cut < scalars.endIndex
        {
            let end = scalars[..<cut].lastIndex(of: " ") ?? cut
            text = String(scalars[..<end]) + " …"
        }
        let json =
            "{\"t\":\(JSON.quote(page.title)),\"u\":\(JSON.quote(page.url)),"
            + "\"s\":\(JSON.quote(page.fields.summary ?? "")),\"x\":\(JSON.quote(text))}"
        return OutputFile(path: path(rank), text: SearchIndex.script("f\(rank)", json))
    }
}
