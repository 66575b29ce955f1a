import FlyingFox
import Foundation
import Synchronization

/// `strata serve`: builds the site into a folder of its own, serves it on 127.0.0.1, and builds
/// again whenever a file under `content/` or `templates/` changes. Every HTML page it serves
/// carries a small script that reloads the page after a successful build and shows the errors
/// of a failed one; the last good build stays served until the errors are fixed.
public final class PreviewServer: Sendable {
    /// What happened, for the command to print.
    public enum Event: Sendable {
        case listening(port: UInt16)
        case built(BuildReport)
        case failed([Diagnostic])
    }

    /// The state pages ask for: the build number (a page reloads when it changes) and the errors
    /// of the latest build, if it failed.
    struct Status: Sendable, Equatable {
        var version = 0
        var errors: [String] = []
    }

    static let statusPath = "/__strata/status"

    private let options: BuildOptions
    private let port: UInt16
    private let pollInterval: Duration
    private let server: HTTPServer
    private let status = StatusStore()

    /// - Parameters:
    ///   - options: what to build; `options.output` is the folder the preview is built into and
    ///     served from (the command passes a temporary folder, so `public/` is left alone).
    ///   - port: the port on 127.0.0.1; 0 picks a free one.
    ///   - pollInterval: how often `content/` and `templates/` are checked for changes.
    public init(options: BuildOptions, port: UInt16, pollInterval: Duration = .milliseconds(500)) throws {
        self.options = options
        self.port = port
        self.pollInterval = pollInterval
        let site = PreviewSite(folder: options.output)
        let status = self.status
        server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
            handler: PreviewHandler(site: site, status: { status.current }))
    }

    /// The port the server listens on, once it does.
    public var listeningPort: UInt16? {
        get async {
            switch await server.listeningAddress {
            case .ip4(_, let port)?, .ip6(_, let port)?: port
            default: nil
            }
        }
    }

    /// Builds, serves and rebuilds on change until the task is cancelled.
    public func run(_ report: @escaping @Sendable (Event) -> Void) async throws {
        // Taken before the first build, so a save during it is not missed.
        let sources = SourceFingerprint(root: options.root)
        report(build())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                try await self.server.waitUntilListening()
                if let port = await self.listeningPort { report(.listening(port: port)) }
                try await self.watch(from: sources, report)
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Checks the sources every `pollInterval` and builds again when they changed.
    private func watch(from sources: SourceFingerprint, _ report: @Sendable (Event) -> Void) async throws {
        var seen = sources
        var wait = pollInterval
        while !Task.isCancelled {
            try await Task.sleep(for: wait)
            let clock = ContinuousClock.now
            let now = SourceFingerprint(root: options.root)
            // On a site of many thousand files a look costs tens of milliseconds: wait ten times
            // as long as it took, so watching stays under a tenth of a core.
            wait = max(pollInterval, (ContinuousClock.now - clock) * 10)
            guard now != seen else { continue }
            seen = now
            report(build())
        }
    }

    /// One build into the preview folder; a failure keeps the last good build in place.
    private func build() -> Event {
        do {
            let report = try Pipeline.build(options)
            status.update {
                $0.version += 1; $0.errors = []
            }
            return .built(report)
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            status.update { $0.errors = errors.map(\.description) }
            return .failed(error.diagnostics)
        }
    }
}

/// The status, shared by the builds and the request handler.
final class StatusStore: Sendable {
    private let state = Mutex(PreviewServer.Status())
    var current: PreviewServer.Status { state.withLock { $0 } }
    func update(_ change: (inout PreviewServer.Status) -> Void) { state.withLock { change(&$0) } }
}

/// The files under `content/` and `templates/` with their sizes and modification times: two
/// fingerprints differ when a file was added, removed or saved.
struct SourceFingerprint: Equatable, Sendable {
    private var files: [String: [Int]] = [:]

    init(root: String) {
        let manager = FileManager.default
        for folder in ["content", "templates"] {
            let base = root + "/" + folder
            guard let walker = manager.enumerator(atPath: base) else { continue }
            while let path = walker.nextObject() as? String {
                var info = stat()
                guard stat(base + "/" + path, &info) == 0 else { continue }
                files[folder + "/" + path] = [
                    Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_mode),
                ]
            }
        }
    }
}

/// The built preview on disk: which file answers a request path.
struct PreviewSite: Sendable {
    let folder: String

    enum Answer: Equatable {
        case file(path: String)
        /// A folder asked for without its slash: `/projects` → `/projects/`.
        case redirect(to: String)
        case notFound
    }

    func answer(_ requestPath: String) -> Answer {
        let decoded = requestPath.removingPercentEncoding ?? requestPath
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: true)
        // Nothing outside the preview folder, and no hidden files (the staging folders).
        guard !parts.contains(where: { $0 == ".." || $0.hasPrefix(".") }) else { return .notFound }
        let relative = parts.joined(separator: "/")
        var isFolder: ObjCBool = false
        let path = relative.isEmpty ? folder : folder + "/" + relative
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(to: decoded + "/") }
            let index = path + "/index.html"
            return FileManager.default.fileExists(atPath: index) ? .file(path: index) : .notFound
        }
        return .file(path: path)
    }
}

/// Answers requests from the preview folder, with the reload script in every HTML page.
struct PreviewHandler: HTTPHandler {
    let site: PreviewSite
    let status: @Sendable () -> PreviewServer.Status

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The path as sent: `request.path` is standardized, which drops a folder's trailing slash.
        let path = request.target.path()
        if path == PreviewServer.statusPath { return statusResponse() }
        switch site.answer(path) {
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else { return notFound() }
            return response(.ok, data, path: path)
        case .redirect(let target):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: target]), body: Data())
        case .notFound:
            return notFound()
        }
    }

    private func notFound() -> HTTPResponse {
        let page = site.folder + "/" + GeneratedURLs.notFound
        if let data = FileManager.default.contents(atPath: page) { return response(.notFound, data, path: page) }
        // No site yet: the first build failed. The page shows its errors and reloads once it builds.
        let html =
            "<!DOCTYPE html><html lang=\"en\"><title>Not built</title><body><p>The site has not built yet.</p></body></html>"
        return response(.notFound, Data(html.utf8), path: "index.html")
    }

    private func response(_ code: HTTPStatusCode, _ data: Data, path: String) -> HTTPResponse {
        let type = Self.contentType(of: path)
        var body = data
        if type.hasPrefix("text/html") {
            var html = String(decoding: data, as: UTF8.self)
            if let end = html.range(of: "</body>", options: .backwards) {
                html.insert(contentsOf: Self.reloadScript, at: end.lowerBound)
            } else {
                html += Self.reloadScript
            }
            body = Data(html.utf8)
        }
        return HTTPResponse(
            statusCode: code, headers: HTTPHeaders([.contentType: type, .cacheControl: "no-store"]), body: body)
    }

    private func statusResponse() -> HTTPResponse {
        let current = status()
        let json = JSONValue.object([
            ("version", .number(current.version)), ("errors", .array(current.errors.map { .string($0) })),
        ]).serialized()
        return HTTPResponse(
            statusCode: .ok, headers: HTTPHeaders([.contentType: "application/json", .cacheControl: "no-store"]),
            body: Data(json.utf8))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "xml": "application/xml"
        case "txt", "md": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "avif": "image/avif"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        default: "application/octet-stream"
        }
    }

    /// Asks for the status about once a second: reloads on a new build, shows a failed build's
    /// errors over the page (the page itself is the last good build).
    static let reloadScript = """
        <script>(function () {
          var seen = null, box = null;
          function show(errors) {
            if (!errors.length) { if (box) { box.remove(); box = null; } return; }
            if (!box) {
              box = document.createElement("pre");
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;left:1rem;right:1rem;bottom:1rem;max-height:50vh;overflow:auto;" +
                "margin:0;padding:1rem;background:#2b0b0b;color:#ffd7d7;font:13px/1.5 monospace;" +
                "white-space:pre-wrap;border-radius:8px;z-index:2147483647";
              document.body.appendChild(box);
            }
            box.textContent = "strata serve: the build failed; showing the last good build.\\n\\n" + errors.join("\\n");
          }
          function poll() {
            fetch("\(PreviewServer.statusPath)", { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
              if (seen !== null && s.version !== seen) { location.reload(); return; }
              seen = s.version;
              show(s.errors);
              setTimeout(poll, 800);
            }).catch(function () { setTimeout(poll, 2000); });
          }
          poll();
        })();</script>

        """
}
