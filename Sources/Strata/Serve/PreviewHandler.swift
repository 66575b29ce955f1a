import FlyingFox
import Foundation

/// Answers requests from the site in memory, with the reload script in every HTML page.
struct PreviewHandler: HTTPHandler {
    let site: @Sendable () -> PreviewSite
    let status: @Sendable () -> PreviewServer.Status
    /// Told the output file of every page served, and of every page waiting for a change: the
    /// pages open in a browser, which an update renders first.
    var visit: @Sendable (String) -> Void = { _ in }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The path as sent: `request.path` is standardized, which drops a folder's trailing slash.
        let path = request.target.path()
        if path == PreviewServer.statusPath { return await statusResponse(request) }
        let site = site()
        switch site.answer(path) {
        case .file(let path, .rendered(let data)):
            let type = Self.contentType(of: path)
            if type == Self.html { visit(path) }
            return response(.ok, data, type: type)
        case .file(let path, .copied(let sourcePath)):
            guard let data = FileManager.default.contents(atPath: sourcePath) else { return notFound(site) }
            return response(.ok, data, type: Self.contentType(of: path))
        case .redirect(let target):
            return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: target]), body: Data())
        case .notFound:
            return notFound(site)
        }
    }

    private func notFound(_ site: PreviewSite) -> HTTPResponse {
        if let data = site.notFoundPage() { return response(.notFound, data, type: Self.html) }
        // No site yet: the first build failed. The page shows its errors and reloads once it builds.
        let html =
            "<!DOCTYPE html><html lang=\"en\"><title>Not built</title><body><p>The site has not built yet.</p></body></html>"
        return response(.notFound, Data(html.utf8), type: Self.html)
    }

    private func response(_ code: HTTPStatusCode, _ data: Data, type: String) -> HTTPResponse {
        var body = data
        if type == Self.html {
            // Spliced into the bytes: an index page is megabytes, and it is asked for on every reload.
            let end = ByteSearch.lastOffset(of: "</body>", in: data) ?? data.count
            body = Data(capacity: data.count + Self.reloadScript.utf8.count)
            body.append(data.prefix(end))
            body.append(contentsOf: Self.reloadScript.utf8)
            body.append(data.suffix(from: data.startIndex + end))
        }
        return HTTPResponse(
            statusCode: code, headers: HTTPHeaders([.contentType: type, .cacheControl: "no-store"]), body: body)
    }

    /// The status, for a page at `page` that has seen build `since`: whether it should reload, and
    /// which stylesheets to swap. With `since`, the answer waits (up to `longPoll`) until a build
    /// changed something or the errors changed, so a save shows without a polling delay
    /// (`wait=0` asks for the answer now).
    private func statusResponse(_ request: HTTPRequest) async -> HTTPResponse {
        let query = Dictionary(request.query.map { ($0.name, $0.value) }) { first, _ in first }
        var current = status()
        if query["since"] != nil { visit(ownPath(query["page"] ?? "/")) }
        if let since = query["since"].flatMap(Int.init) {
            let errorsSeen = query["e"] ?? ""
            let wait = query["wait"].flatMap(Int.init).map { Duration.milliseconds($0) } ?? Self.longPoll
            let deadline = ContinuousClock.now + wait
            while current.version == since, Self.errorsTag(current.errors) == errorsSeen, ContinuousClock.now < deadline
            {
                try? await Task.sleep(for: .milliseconds(10))
                if Task.isCancelled { break }
                current = status()
            }
        }
        var fields: [(String, JSONValue)] = [
            ("version", .number(current.version)), ("errors", .array(current.errors.map { .string($0) })),
            ("e", .string(Self.errorsTag(current.errors))),
        ]
        if let since = query["since"].flatMap(Int.init) {
            let changed = current.changed(since: since)
            let own = ownPath(query["page"] ?? "/")
            let reload = changed.map { paths in paths.contains(own) || paths.contains(where: Self.needsReload) } ?? true
            let styles = (changed ?? []).filter { $0.hasSuffix(".css") }.sorted()
            fields += [("reload", .bool(reload)), ("styles", .array(styles.map { .string($0) }))]
        }
        return HTTPResponse(
            statusCode: .ok, headers: HTTPHeaders([.contentType: "application/json", .cacheControl: "no-store"]),
            body: Data(JSONValue.object(fields).serialized().utf8))
    }

    /// How long a status request may wait for a change.
    static let longPoll: Duration = .seconds(20)

    /// The output file that answers a page's URL path; the 404 page where none does.
    private func ownPath(_ pagePath: String) -> String {
        switch site().answer(pagePath) {
        case .file(let path, _): path
        case .redirect, .notFound: GeneratedURLs.notFound
        }
    }

    /// Whether a changed file other than the page's own means the page must reload: a script or
    /// an image it may show does; other pages, data files and the search index do not, and a
    /// stylesheet is swapped in place.
    static func needsReload(_ path: String) -> Bool {
        if path.hasPrefix(URLPath.folder(of: GeneratedURLs.searchIndex) + "/") { return false }
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "css", "json", "csv", "xml", "txt": return false
        default: return true
        }
    }

    /// A short name for a list of errors, so a page can say which errors it shows.
    static func errorsTag(_ errors: [String]) -> String {
        errors.isEmpty ? "" : String(errors.count) + "-" + String(errors.joined(separator: "\n").utf8.count)
    }

    static let html = "text/html; charset=utf-8"

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": html
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

    /// Waits for the next build (a long poll): reloads when the page's own file (or a script or
    /// image) changed, swaps changed stylesheets in place, and shows a failed build's errors over
    /// the page (the page itself is the last good build). When the server stops it retries
    /// quietly every few seconds.
    static let reloadScript = """
        <script>(function () {
          var seen = null, tag = "", box = null;
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
          function swap(path, version) {
            var links = document.querySelectorAll("link[rel=stylesheet]");
            for (var i = 0; i < links.length; i++) {
              var url = new URL(links[i].href, location.href);
              if (url.pathname.slice(-path.length - 1) === "/" + path) {
                url.searchParams.set("v", version);
                links[i].href = url.href;
              }
            }
          }
          function poll() {
            var url = "\(PreviewServer.statusPath)";
            if (seen !== null) {
              url += "?since=" + seen + "&e=" + encodeURIComponent(tag) + "&page=" + encodeURIComponent(location.pathname);
            }
            fetch(url, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
              if (seen !== null && s.reload) { location.reload(); return; }
              (s.styles || []).forEach(function (path) { swap(path, s.version); });
              seen = s.version;
              tag = s.e;
              show(s.errors);
              setTimeout(poll, 0);
            }).catch(function () { setTimeout(poll, 2000); });
          }
          poll();
        })();</script>

        """
}
