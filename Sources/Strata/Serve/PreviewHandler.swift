import FlyingFox
import Foundation

/// Answers requests from the site in memory, with the reload script in every HTML page.
struct PreviewHandler: HTTPHandler {
    let site: @Sendable () -> PreviewSite
    let status: @Sendable () -> PreviewServer.Status

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        // The path as sent: `request.path` is standardized, which drops a folder's trailing slash.
        let path = request.target.path()
        if path == PreviewServer.statusPath { return statusResponse() }
        let site = site()
        switch site.answer(path) {
        case .file(let path, .rendered(let data)):
            return response(.ok, data, type: Self.contentType(of: path))
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
