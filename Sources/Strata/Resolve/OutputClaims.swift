/// The output folder as one namespace: every file the build writes (pages, generated pages,
/// data files, copied files and assets, alias redirects) claims its path once, and a second
/// claim is an error naming who holds the path. A path is also taken when it is a folder of
/// another's file (`notes/a` when `notes/a/index.html` is written), or lies under a file.
struct OutputClaims {
    /// File path → who writes it.
    private var files: [String: String] = [:]
    /// Folder path → who first wrote a file under it.
    private var folders: [String: String] = [:]

    /// Claims `path` for `owner`, or returns who holds it already.
    mutating func claim(_ path: String, by owner: String) -> String? {
        if let holder = files[path] { return holder }
        if let holder = folders[path] { return "\(holder), which needs /\(path)/ to be a folder" }
        var folder = URLPath.folder(of: path)
        while !folder.isEmpty {
            if let holder = files[folder] { return "\(holder), a file at /\(folder) where a folder would be" }
            folder = URLPath.folder(of: folder)
        }
        files[path] = owner
        folder = URLPath.folder(of: path)
        while !folder.isEmpty, folders[folder] == nil {
            folders[folder] = owner
            folder = URLPath.folder(of: folder)
        }
        return nil
    }

    /// Claims every output path of the site in a fixed order (data files, generated pages,
    /// content pages, copied files, aliases); returns the aliases as redirect URLs.
    static func resolve(_ site: Site, copies: [SiteSource.CopiedFile], _ diagnostics: inout Diagnostics)
        -> [(url: String, page: Int)]
    {
        var claims = OutputClaims()
        for path in GeneratedURLs.dataFiles(site.config) {
            _ = claims.claim(path, by: "the generated file /\(path)")
        }
        for folder in site.folders {
            _ = claims.claim(OutputFile.path(for: folder.url), by: "the list page of the folder content/\(folder.name)/")
        }
        for url in GeneratedURLs.pages(for: site) {
            _ = claims.claim(OutputFile.path(for: url), by: "the generated page /\(url)")
        }
        _ = claims.claim(GeneratedURLs.notFound, by: "the generated page /\(GeneratedURLs.notFound)")
        _ = claims.claim(OutputGuard.marker, by: "the build's marker file")
        for page in site.pages where page.kind != .sectionIntro {
            if let holder = claims.claim(OutputFile.path(for: page.url), by: page.path) {
                diagnostics.error(
                    "this page would be written at /\(page.url), which is already taken by \(holder); rename the file",
                    at: page.fileStart)
            }
        }
        // The theme's assets first: a file of content/ that lands on one is the one to move.
        let themeFirst =
            copies.filter { !$0.path.hasPrefix("content/") } + copies.filter { $0.path.hasPrefix("content/") }
        for copy in themeFirst {
            if let holder = claims.claim(copy.outputPath, by: "the copied file \(copy.path)") {
                diagnostics.error(
                    "this file would be copied to /\(copy.outputPath), which is already taken by \(holder); rename or move the file",
                    at: SourceLocation(path: copy.path))
            }
        }
        var aliases: [(url: String, page: Int)] = []
        for (index, page) in site.pages.enumerated() {
            for alias in page.fields.aliases {
                guard let url = aliasURL(alias, &diagnostics) else { continue }
                if let holder = claims.claim(OutputFile.path(for: url), by: "an alias of \(page.path)") {
                    diagnostics.error("alias '\(alias.value)' is already taken by \(holder)", at: alias.location)
                    continue
                }
                aliases.append((url, index))
            }
        }
        return aliases.sorted { $0.url < $1.url }
    }

    /// The URL an alias redirects from: a folder URL (`old/path/`) or an `.html` file; nil after
    /// reporting an alias that is neither.
    private static func aliasURL(_ alias: Located<String>, _ diagnostics: inout Diagnostics) -> String? {
        let value = alias.value
        if let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let code = "U+" + String(control.value, radix: 16, uppercase: true).leftPadded(to: 4)
            diagnostics.error(
                "alias contains the control character \(code); write it as a plain path, like /old/path/",
                at: alias.location)
            return nil
        }
        if let mark = value.first(where: { $0 == "?" || $0 == "#" }) {
            diagnostics.error(
                "alias '\(value)' contains '\(mark)'; an alias is a path without a query or fragment, like /old/path/",
                at: alias.location)
            return nil
        }
        guard !URLPath.isExternal(value), let path = URLPath.normalize(value), !path.isEmpty else {
            diagnostics.error("alias '\(value)' must be a path inside the site, like /old/path/", at: alias.location)
            return nil
        }
        if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            diagnostics.error(
                "alias '\(value)' has a part starting with '.': the build publishes no hidden files and keeps those at the top of the output for their owner; rename the path",
                at: alias.location)
            return nil
        }
        if value.hasSuffix("/") || path.hasSuffix(".html") { return value.hasSuffix("/") ? path + "/" : path }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard !name.contains(".") else {
            diagnostics.error(
                "alias '\(value)' names a file that is not .html; an alias is a folder URL (/old/path/) or an .html file (/old/page.html)",
                at: alias.location)
            return nil
        }
        return path + "/"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
