import Foundation
import Testing

@testable import Strata
import StrataTemplates

/// Where the repository and its fixtures are, found from this file's path
/// (`Tests/StrataTests/TestSupport.swift`), so tests run from any working directory.
enum Repo {
    static let root: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }()
    static let templates = root + "/templates"
    static let fixtures = root + "/Tests/Fixtures"
    static let executable = root + "/.build/debug/strata"
}

/// The day every test builds against, so stale-review checks do not depend on the calendar.
let testToday = "2026-11-25"

/// A fresh folder under the system's temporary folder, deleted with the value.
final class TempDir: Sendable {
    let path: String

    init() throws {
        let base = (NSTemporaryDirectory() as NSString).appendingPathComponent("strata-tests")
        path = (base as NSString).appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ relative: String) -> String { path + "/" + relative }

    func write(_ relative: String, _ text: String) throws {
        let full = file(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: full))
    }

    func read(_ relative: String) throws -> String {
        try String(contentsOfFile: file(relative), encoding: .utf8)
    }

    /// Adds `aliases: [LIST]` to content/about.md of a fixture site, as its line 4 (so the first
    /// alias is at 4:11).
    func addAliasesToAbout(_ list: String) throws {
        let about = try read("content/about.md")
        try write(
            "content/about.md",
            about.replacingOccurrences(
                of: "summary: Who writes this site and how.",
                with: "summary: Who writes this site and how.\naliases: [\(list)]"))
    }

    /// Makes `folder` look like the output of an earlier build (it holds the marker a build
    /// writes) with `files` in it, so a build may replace it.
    func writeEarlierOutput(_ files: [String: String], in folder: String = "public") throws {
        try write(folder + "/" + OutputGuard.marker, OutputGuard.markerText)
        for (path, text) in files { try write(folder + "/" + path, text) }
    }
}

/// A fixture site copied into a temporary root: the repository's real theme, the content of
/// `Tests/Fixtures/good/`, then the files of `Tests/Fixtures/errors/<overlay>/` on top
/// (each error fixture holds only the files in which it differs from good/).
func fixtureSite(_ overlay: String? = nil) throws -> TempDir {
    let site = try TempDir()
    try copyTree(Repo.templates, to: site.file("templates"))
    try copyTree(Repo.fixtures + "/good", to: site.path)
    if let overlay {
        let folder = Repo.fixtures + "/errors/" + overlay
        #expect(FileManager.default.fileExists(atPath: folder), "no fixture at \(folder)")
        try copyTree(folder, to: site.path)
    }
    return site
}

/// Copies every file under `source` into `destination`, replacing files that are already there.
func copyTree(_ source: String, to destination: String) throws {
    let manager = FileManager.default
    for relative in try listFiles(source) {
        let target = destination + "/" + relative
        try manager.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        if manager.fileExists(atPath: target) { try manager.removeItem(atPath: target) }
        try manager.copyItem(atPath: source + "/" + relative, toPath: target)
    }
}

/// Relative paths of every regular file under `folder`, sorted. Symlinks are listed, not followed.
func listFiles(_ folder: String) throws -> [String] {
    let manager = FileManager.default
    var result: [String] = []
    func visit(_ relative: String) throws {
        let absolute = relative.isEmpty ? folder : folder + "/" + relative
        for name in try manager.contentsOfDirectory(atPath: absolute) {
            let path = relative.isEmpty ? name : relative + "/" + name
            let attributes = try manager.attributesOfItem(atPath: folder + "/" + path)
            if attributes[.type] as? FileAttributeType == .typeDirectory {
                try visit(path)
            } else {
                result.append(path)
            }
        }
    }
    try visit("")
    return result.sorted()
}

/// Every file under `folder` with its bytes, by relative path.
func tree(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for path in try listFiles(folder) {
        result[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
    }
    return result
}

/// Builds `root` and returns the diagnostics of the failure, or `nil` when the build succeeded.
func buildFailure(_ options: BuildOptions) -> [String]? {
    do {
        _ = try Pipeline.build(options)
        return nil
    } catch {
        return error.diagnostics.map(\.description)
    }
}

/// Sites held in memory: a site.yml, a few pages and the repository's real templates.
enum MemorySite {
    static let config = """
        title: Memory Site
        sectors: [depin, agents]
        relations:
          runs-on: [Runs on, Hosts]
        rubric:
          needs-crypto: Does it need crypto?
        """

    static let templates: [SiteSource.TextFile] = {
        let files = (try? listFiles(Repo.templates)) ?? []
        return files.filter { $0.hasSuffix(".mustache") && !$0.hasPrefix("assets/") }.map { path in
            let text = (try? String(contentsOfFile: Repo.templates + "/" + path, encoding: .utf8)) ?? ""
            return SiteSource.TextFile(path: "templates/" + path, text: text)
        }
    }()

    /// `pages` maps paths under the root (`content/notes/a.md`) to their text.
    static func source(_ pages: [String: String], config: String = config) -> SiteSource {
        var source = SiteSource()
        source.siteConfig = config
        source.pages = pages.keys.sorted().map { SiteSource.TextFile(path: $0, text: pages[$0]!) }
        source.templates = templates
        return source
    }

    /// The same site with a second rubric question, for tests of answers and their order.
    static let twoQuestionConfig = config + "\n  real-demand: Do paying users drive it?"

    static var options: BuildOptions { BuildOptions(root: "/nonexistent-site", today: testToday) }

    /// The site as the render stage gets it.
    static func resolved(_ pages: [String: String]) throws -> ResolvedSite {
        try Pipeline.render(source(pages), options: options).plan.resolved
    }

    /// Renders the pages; the output files by path, or the diagnostics of the failure.
    static func render(_ pages: [String: String], config: String = config, strict: Bool = false)
        -> Result<[String: String], BuildFailure>
    {
        var options = options
        options.strict = strict
        do {
            let rendered = try Pipeline.render(source(pages, config: config), options: options)
            return .success(Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.text) }))
        } catch {
            return .failure(error)
        }
    }

    /// The diagnostics of a site that must fail, as printed; empty (and a recorded issue) if it built.
    static func errors(_ pages: [String: String], config: String = config, strict: Bool = false) -> [String] {
        switch render(pages, config: config, strict: strict) {
        case .success:
            Issue.record("the site built, but errors were expected")
            return []
        case .failure(let failure):
            return failure.diagnostics.map(\.description)
        }
    }

    /// The files of a site that must build; empty (and a recorded issue with the diagnostics) if it failed.
    static func files(_ pages: [String: String], config: String = config) -> [String: String] {
        switch render(pages, config: config) {
        case .success(let files): return files
        case .failure(let failure):
            Issue.record("the site did not build:\n\(failure)")
            return [:]
        }
    }

    /// The `<main>` element of a rendered page: the part the page's own content decides.
    static func main(_ html: String?) -> String {
        guard let html, let open = html.range(of: "<main id=\"main\""),
            let start = html[open.upperBound...].firstIndex(of: ">"), let end = html.range(of: "</main>")
        else { return "" }
        return String(html[html.index(after: start)..<end.lowerBound])
    }
}

/// Reading template values in tests: `page["stack"]?.list`, `item["url"]?.string`.
extension TemplateValue {
    subscript(name: String) -> TemplateValue? {
        if case .object(let object) = self { return object[name] }
        return nil
    }

    var list: [TemplateValue]? {
        if case .list(let items) = self { return items }
        return nil
    }

    var object: TemplateValue? {
        if case .object = self { return self }
        return nil
    }

    var string: String? {
        switch self {
        case .text(let text), .html(let text): text
        default: nil
        }
    }

    var int: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }
}

/// A page's views, looked up from the top as a template does.
extension Array where Element == TemplateValue {
    subscript(name: String) -> TemplateValue? {
        for value in reversed() { if let found = value[name] { return found } }
        return nil
    }
}
