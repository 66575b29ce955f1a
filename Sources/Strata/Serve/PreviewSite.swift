import Foundation

/// The last good build, held in memory: the rendered files by output path, and the copied files
/// (images, assets) by the path of their source, read when asked for.
struct PreviewSite: Sendable {
    enum Body: Sendable, Equatable {
        case rendered(Data)
        case copied(sourcePath: String)
    }

    enum Answer: Equatable {
        case file(path: String, Body)
        /// A folder asked for without its slash: `/projects` → `/projects/`.
        case redirect(to: String)
        case notFound
    }

    private(set) var files: [String: Body] = [:]
    /// Every folder that holds a file, for the redirect of `/projects` to `/projects/`.
    private var folders: Set<String> = [""]
    /// The site's `base_url` path prefix, which the 404 page's links carry (`/research/`).
    var baseURL: String?

    static let empty = PreviewSite()

    init() {}

    init(rendered: [OutputFile], copies: [SiteSource.CopiedFile], baseURL: String? = nil) {
        files.reserveCapacity(rendered.count + copies.count)
        for file in rendered { add(file.path, .rendered(Data(file.text.utf8))) }
        for copy in copies { add(copy.outputPath, .copied(sourcePath: copy.sourcePath)) }
        self.baseURL = baseURL
    }

    /// The copied files alone, for rendered files to be `set` into.
    init(copies: [SiteSource.CopiedFile], baseURL: String?) {
        self.init(rendered: [], copies: copies, baseURL: baseURL)
    }

    mutating func set(_ path: String, _ body: Body) { add(path, body) }

    /// Stops serving `path`; the folders that held only it go too.
    mutating func remove(_ paths: some Sequence<String>) {
        for path in paths { files[path] = nil }
        folders = [""]
        for path in files.keys { noteFolders(of: path) }
    }

    /// Of `paths`, those whose bytes differ from `other`'s (or that it does not serve).
    func paths(differingFrom other: PreviewSite, among paths: Set<String>) -> Set<String> {
        paths.filter { files[$0] != other.files[$0] }
    }

    /// The paths served by one site and not the other, or with other bytes.
    func paths(differingFrom other: PreviewSite) -> Set<String> {
        var paths = Set(files.keys.filter { files[$0] != other.files[$0] })
        paths.formUnion(other.files.keys.filter { files[$0] == nil })
        return paths
    }

    private mutating func add(_ path: String, _ body: Body) {
        files[path] = body
        noteFolders(of: path)
    }

    /// Notes the folders that hold `path`, up to the first already noted.
    private mutating func noteFolders(of path: String) {
        var folder = URLPath.folder(of: path)
        while !folder.isEmpty, folders.insert(folder).inserted {
            folder = URLPath.folder(of: folder)
        }
    }

    var isEmpty: Bool { files.isEmpty }

    func answer(_ requestPath: String) -> Answer {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { return .notFound }
        let relative = parts.joined(separator: "/")
        if let body = files[relative], !decoded.hasSuffix("/") { return .file(path: relative, body) }
        guard relative.isEmpty || folders.contains(relative) else { return .notFound }
        guard decoded.hasSuffix("/") else { return .redirect(to: decoded + "/") }
        let index = relative.isEmpty ? "index.html" : relative + "/index.html"
        return files[index].map { .file(path: index, $0) } ?? .notFound
    }

    /// The site's 404 page, made to work at any depth of the preview: its relative links are
    /// relative to the site root, so a `<base href="/">` points them there; links made absolute
    /// with `base_url` are pointed at the preview instead of the published site.
    func notFoundPage() -> Data? {
        guard case .rendered(let data)? = files[GeneratedURLs.notFound] else { return nil }
        var html = String(decoding: data, as: UTF8.self)
        if let baseURL, !baseURL.isEmpty {
            html = html.replacingOccurrences(of: "\"" + baseURL, with: "\"/")
        } else if let head = html.range(of: "<head>") {
            html.insert(contentsOf: "<base href=\"/\">", at: head.upperBound)
        }
        return Data(html.utf8)
    }
}
