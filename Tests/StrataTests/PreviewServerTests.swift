import Foundation
import Synchronization
import Testing

@testable import Strata

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `strata serve`: the preview answers over HTTP, rebuilds when a file is saved, and keeps the
/// last good build (with the errors on show) when a save breaks the site.
@Suite struct PreviewServerTests {
    /// What the server reported, in order.
    final class Events: Sendable {
        private let list = Mutex<[PreviewServer.Event]>([])
        func append(_ event: PreviewServer.Event) { list.withLock { $0.append(event) } }
        var all: [PreviewServer.Event] { list.withLock { $0 } }
    }

    /// A running preview of a fixture site on a free port, stopped by `stop()`.
    struct Running {
        let site: TempDir
        let output: TempDir
        let port: UInt16
        let task: Task<Void, any Error>
        let events: Events

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

        /// What a page at `page` that has seen build `since` is told: reload, or swap stylesheets.
        func news(since: Int, page: String) async throws -> (reload: Bool, styles: [String]) {
            let body = try await get("\(PreviewServer.statusPath)?since=\(since)&e=&wait=0&page=\(page)").body
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
            return (json["reload"] as? Bool ?? false, json["styles"] as? [String] ?? [])
        }

        func stop() { task.cancel() }
    }

    static func start(_ prepare: (TempDir) throws -> Void = { _ in }) async throws -> Running {
        let site = try fixtureSite()
        try prepare(site)
        let output = try TempDir()
        let options = BuildOptions(root: site.path, output: output.file("site"), today: testToday)
        let server = try PreviewServer(options: options, port: 0, pollInterval: .milliseconds(50))
        let events = Events()
        let task = Task { try await server.run { events.append($0) } }
        for _ in 0..<200 {
            if let port = await server.listeningPort {
                return Running(site: site, output: output, port: port, task: task, events: events)
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
        #expect(
            home.body.components(separatedBy: PreviewHandler.reloadScript).count == 2
                && home.body.contains(PreviewHandler.reloadScript + "</body>"),
            "the script goes once, just before </body>")
        #expect(try await preview.get("/projects/alpha-net/").status == 200)
        let css = try await preview.get("/assets/strata.css")
        #expect(css.status == 200)
        #expect(!css.body.contains(PreviewServer.statusPath), "only HTML gets the script")
        let missing = try await preview.get("/no/such/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains("Page not found"), "the site's own 404 page")
        #expect(try await preview.status() == (1, []))
    }

    @Test func pagesAskedForLatelyAreOpenAndTheRestChangingOneIsABuildOfItsOwn() {
        let state = PreviewState()
        for number in 0..<(PreviewState.openLimit + 5) { state.visit("p\(number).html") }
        state.visit("p10.html")
        #expect(state.openPages.count == PreviewState.openLimit, "only the latest count")
        #expect(!state.openPages.contains("p0.html") && state.openPages.contains("p10.html"))
        state.update(.empty, changed: ["p10.html"])
        #expect(state.status.version == 1)
        state.amend(.empty, changed: ["search/index.js", "p0.html"])
        #expect(state.status.version == 1, "the rest of that build: data files and a page not open")
        state.amend(.empty, changed: ["p10.html"])
        #expect(state.status.version == 2, "an open page changed after its build: it hears of it")
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
        let settled = try await preview.status().version

        try preview.site.write("content/notes/broken.md", "---\ntitle: Broken\n")
        try await preview.waitFor("the error of the broken save") { !$0.errors.isEmpty }
        let broken = try await preview.status()
        #expect(broken.version == settled, "a failed build does not replace the site")
        #expect(
            broken.errors == [
                "content/notes/broken.md:1:1: error: front matter is not closed: end it with a line '---'"
            ])
        #expect(try await preview.get("/notes/market-map/").body.contains("Market atlas"))

        try FileManager.default.removeItem(atPath: preview.site.file("content/notes/broken.md"))
        // The fixed site is served again: the errors go. (Its version moves on only if the rest of
        // the earlier build, which the broken save stopped, changed pages.)
        try await preview.waitFor("a build after the fix") { $0.version >= settled && $0.errors.isEmpty }
        #expect(try await preview.get("/notes/market-map/").body.contains("Market atlas"))
    }

    @Test func aSaveReloadsOnlyThePagesWhoseFilesChanged() async throws {
        let preview = try await Self.start()
        defer { preview.stop() }
        try await preview.waitFor("the first build") { $0.version == 1 }
        let path = "content/projects/alpha-net.md"
        try preview.site.write(
            path, try preview.site.read(path).replacingOccurrences(of: "rents out idle GPUs", with: "rents out spare GPUs"))
        try await preview.waitFor("the build after a body edit") { $0.version == 2 }
        #expect(try await preview.news(since: 1, page: "/projects/alpha-net/") == (true, []))
        #expect(try await preview.news(since: 1, page: "/notes/market-map/") == (false, []))
        #expect(try await preview.news(since: 2, page: "/projects/alpha-net/") == (false, []))

        let css = "templates/assets/strata.css"
        try preview.site.write(css, try preview.site.read(css) + "\n/* edited */\n")
        try await preview.waitFor("the build after a stylesheet edit") { $0.version == 3 }
        #expect(try await preview.news(since: 2, page: "/projects/alpha-net/") == (false, ["assets/strata.css"]))
        #expect(try await preview.news(since: 1, page: "/projects/alpha-net/") == (true, ["assets/strata.css"]))
        #expect(try await preview.get("/assets/strata.css").body.hasSuffix("/* edited */\n"))

        // A save that changes no output starts no build a page would see.
        try preview.site.write(path, try preview.site.read(path))
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await preview.status().version == 3)
    }

    @Test func requestPathsAnswerFromTheSiteInMemory() {
        let site = PreviewSite(
            rendered: [
                OutputFile(path: "index.html", text: "home"), OutputFile(path: "projects/io-net/index.html", text: "io"),
                OutputFile(path: "assets/a b.css", text: "css"), OutputFile(path: "projects/data.json", text: "{}"),
            ],
            copies: [.init(sourcePath: "/site/content/notes/x.png", outputPath: "notes/x.png", path: "content/notes/x.png")])
        #expect(site.answer("/") == .file(path: "index.html", .rendered(Data("home".utf8))))
        #expect(site.answer("/projects/io-net/") == .file(path: "projects/io-net/index.html", .rendered(Data("io".utf8))))
        #expect(site.answer("/projects/io-net") == .redirect(to: "/projects/io-net/"))
        #expect(site.answer("/assets/a%20b.css") == .file(path: "assets/a b.css", .rendered(Data("css".utf8))))
        #expect(site.answer("/notes/x.png") == .file(path: "notes/x.png", .copied(sourcePath: "/site/content/notes/x.png")))
        #expect(site.answer("/projects/") == .notFound, "a folder without an index")
        #expect(site.answer("/projects/data.json/") == .notFound, "a file is not a folder")
        #expect(site.answer("/../index.html") == .notFound)
        #expect(site.answer("/%2e%2e/index.html") == .notFound)
        #expect(site.answer("/nowhere") == .notFound)
    }

    @Test func theNotFoundPageIsStyledAtAnyDepth() async throws {
        let preview = try await Self.start()
        defer { preview.stop() }
        let missing = try await preview.get("/a/b/c/missing/")
        #expect(missing.status == 404)
        // The fixture sets base_url: its 404 page links absolutely, and the preview points those
        // links at itself rather than at the published site.
        #expect(missing.body.contains(#"<link rel="stylesheet" href="/assets/strata.css">"#))
        #expect(!missing.body.contains("https://example.org/research/assets/"))
        let css = try await preview.get("/assets/strata.css")
        #expect(css.status == 200)
    }

    @Test func withoutBaseURLTheNotFoundPageGetsABase() async throws {
        let preview = try await Self.start { site in
            let config = try site.read("content/site.yml")
            try site.write(
                "content/site.yml",
                config.split(separator: "\n").filter { !$0.hasPrefix("base_url:") }.joined(separator: "\n") + "\n")
        }
        defer { preview.stop() }
        let missing = try await preview.get("/deep/er/page/")
        #expect(missing.status == 404)
        #expect(missing.body.contains(#"<head><base href="/">"#))
        #expect(missing.body.contains(#"href="assets/strata.css""#))
    }

    @Test func aFirstBuildThatFailsDoesNotClaimALastGoodBuild() async throws {
        let preview = try await Self.start { site in
            try site.write("content/notes/broken.md", "---\ntitle: Broken\n")
        }
        defer { preview.stop() }
        try await preview.waitFor("the first build's errors") { !$0.errors.isEmpty }
        guard case .failed(_, let serving)? = preview.events.all.first else {
            Issue.record("the first event is not a failed build: \(preview.events.all)")
            return
        }
        #expect(!serving)
        #expect(try await preview.get("/").status == 404)
    }

    @Test func aBurstOfSavesIsOneRebuildAndNewFoldersAreWatched() async throws {
        let preview = try await Self.start()
        defer { preview.stop() }
        try await preview.waitFor("the first build") { $0.version == 1 }
        // An editor's save: a temporary file written, then renamed over the page.
        let path = "content/notes/market-map.md"
        let text = try preview.site.read(path).replacingOccurrences(of: "title: Market map", with: "title: Saved map")
        try preview.site.write("content/notes/.market-map.md.tmp", text)
        try FileManager.default.removeItem(atPath: preview.site.file(path))
        try FileManager.default.moveItem(
            atPath: preview.site.file("content/notes/.market-map.md.tmp"), toPath: preview.site.file(path))
        try await preview.waitFor("the rebuild after the save") { $0.version >= 2 }
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await preview.status().version == 2, "one save, one rebuild")
        #expect(try await preview.get("/notes/market-map/").body.contains("Saved map"))

        // A page in a folder made after the preview started.
        try FileManager.default.createDirectory(
            atPath: preview.site.file("content/guides"), withIntermediateDirectories: false)
        try await Task.sleep(for: .milliseconds(100))
        try preview.site.write("content/guides/start.md", "---\ntitle: Getting started\n---\nHello.\n")
        for _ in 0..<100 where try await preview.get("/guides/start/").status != 200 {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try await preview.get("/guides/start/").body.contains("Getting started"))
    }
}
