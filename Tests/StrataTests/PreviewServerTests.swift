import Foundation
import Testing

@testable import Strata

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `strata serve`: the preview answers over HTTP, rebuilds when a file is saved, and keeps the
/// last good build (with the errors on show) when a save breaks the site.
@Suite struct PreviewServerTests {
    /// A running preview of a fixture site on a free port, stopped by `stop()`.
    struct Running {
        let site: TempDir
        let output: TempDir
        let port: UInt16
        let task: Task<Void, any Error>

        func get(_ path: String) async throws -> (status: Int, body: String) {
            let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path)"))
            let (data, response) = try await URLSession.shared.data(from: url)
            return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
        }

        func status() async throws -> (version: Int, errors: [String]) {
            let body = try await get(PreviewServer.statusPath).body
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            return (json["version"] as? Int ?? -1, json["errors"] as? [String] ?? [])
        }

        /// Asks for the status until `done` holds, for at most 20 seconds.
        func waitFor(_ what: String, _ done: ((version: Int, errors: [String])) -> Bool) async throws {
            for _ in 0..<400 {
                if done(try await status()) { return }
                try await Task.sleep(for: .milliseconds(50))
            }
            Issue.record("the preview never reached: \(what)")
        }

        func stop() { task.cancel() }
    }

    static func start() async throws -> Running {
        let site = try fixtureSite()
        let output = try TempDir()
        let options = BuildOptions(root: site.path, output: output.file("site"), today: testToday)
        let server = try PreviewServer(options: options, port: 0, pollInterval: .milliseconds(50))
        let task = Task { try await server.run { _ in } }
        for _ in 0..<200 {
            if let port = await server.listeningPort {
                return Running(site: site, output: output, port: port, task: task)
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        task.cancel()
        throw CancellationError()
    }

    @Test func servesPagesWithTheReloadScriptAndA404() async throws {
        let preview = try await Self.start()
        defer { preview.stop() }
        let home = try await preview.get("/")
        #expect(home.status == 200)
        #expect(home.body.contains("<title>Fixture Stack</title>"))
        #expect(home.body.contains(PreviewServer.statusPath), "HTML pages carry the reload script")
        #expect(try await preview.get("/projects/alpha-net/").status == 200)
        let css = try await preview.get("/assets/strata.css")
        #expect(css.status == 200)
        #expect(!css.body.contains(PreviewServer.statusPath), "only HTML gets the script")
        let missing = try await preview.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"), "the site's own 404 page")
        #expect(try await preview.status() == (1, []))
    }

    @Test func rebuildsOnSaveAndKeepsTheLastGoodBuildOnErrors() async throws {
        let preview = try await Self.start()
        defer { preview.stop() }
        let path = "content/notes/market-map.md"
        let original = try preview.site.read(path)
        try preview.site.write(
            path, original.replacingOccurrences(of: "title: Market map", with: "title: Market atlas"))
        try await preview.waitFor("a second build") { $0.version == 2 }
        #expect(try await preview.get("/notes/market-map/").body.contains("Market atlas"))

        try preview.site.write("content/notes/broken.md", "---\ntitle: Broken\n")
        try await preview.waitFor("the error of the broken save") { !$0.errors.isEmpty }
        let broken = try await preview.status()
        #expect(broken.version == 2, "a failed build does not replace the site")
        #expect(
            broken.errors == [
                "content/notes/broken.md:1:1: error: front matter is not closed: end it with a line '---'"
            ])
        #expect(try await preview.get("/notes/market-map/").body.contains("Market atlas"))

        try FileManager.default.removeItem(atPath: preview.site.file("content/notes/broken.md"))
        try await preview.waitFor("a build after the fix") { $0.version == 3 && $0.errors.isEmpty }
    }

    @Test func requestPathsStayInsideThePreviewFolder() throws {
        let output = try TempDir()
        try output.write("site/index.html", "home")
        try output.write("site/projects/io-net/index.html", "io")
        try output.write("site/assets/a b.css", "css")
        try output.write(".secret", "no")
        let site = PreviewSite(folder: output.file("site"))
        #expect(site.answer("/") == .file(path: output.file("site/index.html")))
        #expect(site.answer("/projects/io-net/") == .file(path: output.file("site/projects/io-net/index.html")))
        #expect(site.answer("/projects/io-net") == .redirect(to: "/projects/io-net/"))
        #expect(site.answer("/assets/a%20b.css") == .file(path: output.file("site/assets/a b.css")))
        #expect(site.answer("/projects/") == .notFound, "a folder without an index")
        #expect(site.answer("/../.secret") == .notFound)
        #expect(site.answer("/%2e%2e/.secret") == .notFound)
        #expect(site.answer("/.site.staging-1/") == .notFound)
    }
}
