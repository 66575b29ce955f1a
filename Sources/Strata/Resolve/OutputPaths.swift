/// Checks that no two things claim one output path, and turns aliases into redirect paths.
enum OutputPaths {
    static func aliases(_ site: Site, files: Set<String>, generated: Set<String>, _ diagnostics: inout Diagnostics)
        -> [(url: String, page: Int)]
    {
        var claimed: [String: String] = [:]
        for url in generated { claimed[url] = "a page the build generates" }
        for file in files { claimed[file] = "a copied file" }
        for page in site.pages where page.kind != .sectionIntro && page.kind != .home {
            if let owner = claimed[page.url] {
                diagnostics.error(
                    "this page would be written at /\(page.url), which is already \(owner); rename the file",
                    at: page.fileStart)
            } else {
                claimed[page.url] = page.path
            }
        }
        var aliases: [(url: String, page: Int)] = []
        for (index, page) in site.pages.enumerated() {
            for alias in page.fields.aliases {
                guard !URLPath.isExternal(alias.value), let path = URLPath.normalize(alias.value), !path.isEmpty else {
                    diagnostics.error(
                        "alias '\(alias.value)' must be a path inside the site, like /old/path/", at: alias.location)
                    continue
                }
                let url = path.hasSuffix(".html") ? path : path + "/"
                if let owner = claimed[url] {
                    diagnostics.error("alias '\(alias.value)' is already taken by \(owner)", at: alias.location)
                    continue
                }
                claimed[url] = "an alias of \(page.path)"
                aliases.append((url, index))
            }
        }
        return aliases.sorted { $0.url < $1.url }
    }
}
