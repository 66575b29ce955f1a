/// A menu entry after the resolve stage: where its link goes from the site root.
struct ResolvedMenuEntry: Sendable, Equatable {
    var title: String
    /// A URL path of the site (`notes/`, empty for the home page), or an http(s) URL as written.
    var target: String
    var isExternal: Bool
}

/// Checks site.yml's `menu:` against the site: every entry names one of its pages or files, or
/// an http(s) URL.
enum MenuCheck {
    /// The entries with their targets, or `nil` when site.yml has no menu (the default one is used).
    static func resolve(_ site: Site, files: Set<String>, generated: Set<String>, _ diagnostics: inout Diagnostics)
        -> [ResolvedMenuEntry]?
    {
        guard let menu = site.config.menu else { return nil }
        let pages = Set(site.byURL.keys).union(generated).union(files)
        return menu.compactMap { entry in
            if entry.isExternal { return ResolvedMenuEntry(title: entry.title, target: entry.url.value, isExternal: true) }
            let written = entry.url.value
            if !URLPath.isExternal(written), let path = URLPath.normalize(written) {
                let folder = path.isEmpty ? "" : path + "/"
                for candidate in [written.hasSuffix("/") ? folder : path, folder] where pages.contains(candidate) {
                    return ResolvedMenuEntry(title: entry.title, target: candidate, isExternal: false)
                }
            }
            var message =
                "menu entry '\(entry.title)' links to '\(written)', which is not a page of this site; write a page's URL path, like '/notes/', or an http(s) URL, like 'https://example.org/'"
            let urls = site.byURL.keys.sorted() + generated.filter { $0.hasSuffix("/") }.sorted()
            if let path = URLPath.normalize(written),
                let suggestion = FieldDecoder.closest(to: path + "/", in: urls)
            {
                message += "; did you mean '/\(suggestion)'?"
            }
            diagnostics.error(message, at: entry.url.location)
            return nil
        }
    }
}
