import Foundation
import Synchronization
import Testing

@testable import Strata

/// The preview reuses work between builds; after every edit, what it serves must be exactly what a
/// cold build of the same sources gives: every file byte for byte, or the same errors.
@Suite struct PreviewConsistencyTests {
    /// One edit to the fixture site, applied to files under its root.
    struct Edit: CustomStringConvertible, Sendable {
        var description: String
        /// Whether the preview should take it in part (rendering only some outputs).
        var inPart = false
        var apply: @Sendable (TempDir) throws -> Void
    }

    static func replace(_ path: String, _ old: String, _ new: String) -> @Sendable (TempDir) throws -> Void {
        { site in
            let text = try site.read(path)
            #expect(text.contains(old), "\(path) does not contain \(old)")
            try site.write(path, text.replacingOccurrences(of: old, with: new))
        }
    }

    static let edits: [Edit] = [
        Edit(description: "edit a body", inPart: true, apply: replace("content/projects/alpha-net.md", "rents out idle GPUs", "rents out spare GPUs")),
        Edit(description: "rename a heading another page links to", inPart: true, apply: replace("content/notes/market-map.md", "## The map", "## The atlas")),
        Edit(description: "fix the links to the renamed heading", inPart: false) { site in
            try replace("content/notes/depin-basics.md", "market-map#the-map", "market-map#the-atlas")(site)
            try replace("content/index.md", "market-map.md#the-map", "market-map.md#the-atlas")(site)
        },
        Edit(description: "change a title shown on index pages", inPart: true, apply: replace("content/projects/beta-chain.md", "title: Beta Chain", "title: Beta Ledger")),
        Edit(description: "retitle a profile so that the lists order it elsewhere", inPart: true, apply: replace("content/projects/beta-chain.md", "title: Beta Ledger", "title: Aardvark Ledger")),
        Edit(description: "change a summary shown in lists", inPart: true, apply: replace("content/projects/beta-chain.md", "summary: A payment network for machine work.", "summary: A ledger for machine work.")),
        Edit(description: "move a profile to one layer", inPart: true, apply: replace("content/projects/beta-chain.md", "layers: [data, compute]", "layers: [compute]")),
        Edit(description: "make a review overdue", inPart: true, apply: replace("content/projects/beta-chain.md", "reviewed: 2026-09-15", "reviewed: 2025-01-15")),
        Edit(description: "change a note's date", inPart: true, apply: replace("content/notes/market-map.md", "date: 2026-06-01", "date: 2025-01-01")),
        Edit(description: "add a relation", inPart: true, apply: replace("content/projects/beta-chain.md", "assessment:", "relations:\n  - {type: runs-on, target: alpha-net}\nassessment:")),
        Edit(description: "remove the relation", inPart: true, apply: replace("content/projects/beta-chain.md", "relations:\n  - {type: runs-on, target: alpha-net}\n", "")),
        Edit(description: "delete a page others link to") { site in
            try FileManager.default.moveItem(atPath: site.file("content/projects/alpha-net.md"), toPath: site.file("alpha-net.md.saved"))
        },
        Edit(description: "restore it") { site in
            try FileManager.default.moveItem(atPath: site.file("alpha-net.md.saved"), toPath: site.file("content/projects/alpha-net.md"))
        },
        Edit(description: "add a tag", apply: replace("content/notes/market-map.md", "tags: [depin]", "tags: [depin, maps]")),
        Edit(description: "save a page unchanged", inPart: true) { site in
            try site.write("content/notes/market-map.md", try site.read("content/notes/market-map.md"))
        },
        Edit(
            description: "link a note to a profile it did not link to, which lists it among its backlinks", inPart: true,
            apply: replace("content/notes/market-map.md", "Code keeps brackets:", "See [[beta-chain]].\n\nCode keeps brackets:")),
        Edit(
            description: "remove the link", inPart: true,
            apply: replace("content/notes/market-map.md", "See [[beta-chain]].\n\n", "")),
        Edit(description: "change a stylesheet", inPart: true, apply: replace("templates/assets/strata.css", "body", "body ")),
        Edit(description: "change a partial only profiles include", inPart: true, apply: replace("templates/partials/as-of.mustache", "as of <time", "true as of <time")),
        Edit(description: "change a template", apply: replace("templates/layout.mustache", "</footer>", "<p>Preview footer</p></footer>")),
        Edit(description: "change site.yml", apply: replace("content/site.yml", "title: ", "title: Renamed ")),
        Edit(description: "add a page") { site in
            try site.write("content/notes/new-note.md", "---\ntitle: New note\ndate: 2026-07-01\n---\nAbout [[beta-chain]].\n")
        },
        Edit(description: "add a folder of pages with an intro") { site in
            try site.write("content/guides/_index.md", "---\ntitle: Guides\n---\nHow to read the site.\n")
            try site.write("content/guides/first.md", "---\ntitle: First\n---\nText.\n")
            try site.write("content/guides/second.md", "---\ntitle: Second\n---\nText.\n")
        },
        Edit(
            description: "date a page of the folder, which moves it up its list", inPart: true,
            apply: replace("content/guides/second.md", "title: Second", "title: Second\ndate: 2026-07-02")),
        Edit(
            description: "retitle the folder's intro, which its pages' breadcrumbs show", inPart: true,
            apply: replace("content/guides/_index.md", "title: Guides", "title: Field guides")),
    ]

    enum Outcome: Equatable {
        case files([String: String])
        case failed([String])
    }

    static func cold(_ options: BuildOptions) -> Outcome {
        do {
            let rendered = try Pipeline.render(SiteReader.read(root: options.root), options: options)
            return .files(Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.text) }))
        } catch {
            return .failed(error.diagnostics.map(\.description))
        }
    }

    static func preview(_ workspace: inout PreviewWorkspace, changed: Set<String>?) -> (Outcome, rendered: Int?) {
        do {
            let update = try workspace.update(changed: changed)
            let rest = workspace.finish()
            return (.files((rest?.site ?? update.site).renderedTexts), update.rendered + (rest?.rendered ?? 0))
        } catch {
            return (.failed(error.diagnostics.map(\.description)), nil)
        }
    }

    @Test func everyEditServesWhatAColdBuildMakes() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: testToday)
        var workspace = PreviewWorkspace(options: options)
        let first = Self.preview(&workspace, changed: nil)
        #expect(first.0 == Self.cold(options), "the first build")
        let all = try #require(first.rendered)
        var failures = 0
        var seen = SourceFingerprint(root: site.path)
        for edit in Self.edits {
            try edit.apply(site)
            // The paths the watcher would report.
            let now = SourceFingerprint(root: site.path)
            let (served, rendered) = Self.preview(&workspace, changed: now.paths(changedSince: seen))
            seen = now
            let expected = Self.cold(options)
            if case .failed = expected { failures += 1 }
            if edit.inPart, let rendered {
                #expect(rendered * 2 < all, "'\(edit)' rendered \(rendered) of \(all) outputs")
            }
            guard served != expected else { continue }
            switch (served, expected) {
            case (.files(let got), .files(let want)):
                let differing = Set(got.keys).symmetricDifference(want.keys).union(
                    want.keys.filter { got[$0] != nil && got[$0] != want[$0] })
                Issue.record("after '\(edit)', these files differ from a cold build: \(differing.sorted())")
            default:
                Issue.record("after '\(edit)': served \(served), a cold build gives \(expected)")
            }
        }
        #expect(failures == 2, "the renamed heading and the deleted page break the site until fixed")
    }
}

extension PreviewConsistencyTests {
    /// A save that comes before the search index of the last one is rendered takes that work
    /// over: nothing of either save is lost.
    @Test func aSaveBeforeTheRestIsRenderedLosesNothing() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: testToday)
        var workspace = PreviewWorkspace(options: options)
        _ = try workspace.update(changed: nil)
        try Self.replace("content/projects/alpha-net.md", "rents out idle GPUs", "rents out zebra GPUs")(site)
        let first = try workspace.update(changed: ["content/projects/alpha-net.md"])
        #expect(first.site.renderedTexts != Self.cold(options).filesOrEmpty, "the search index is still to come")
        let summary = first.report.summary
        #expect(summary.range(of: #"^\d+ pages, [1-9] of \d+ files rendered again, 0 warnings, \d+\.\d\d s$"#, options: .regularExpression) != nil, "\(summary)")
        try Self.replace("content/projects/beta-chain.md", "title: Beta Chain", "title: Beta Ledger")(site)
        _ = try workspace.update(changed: ["content/projects/beta-chain.md"])
        let rest = workspace.finish()
        #expect(rest?.site.renderedTexts == Self.cold(options).filesOrEmpty)
        let again = workspace.finish()
        #expect(again == nil, "nothing is left to render")
    }

    @Test func theSavedPageAndTheOpenPagesComeFirstAndTheRestRightAfter() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: testToday)
        var workspace = PreviewWorkspace(options: options)
        let before = try workspace.update(changed: nil).site.renderedTexts
        try Self.replace("content/projects/alpha-net.md", "title: Alpha Net", "title: Alpha Grid")(site)
        let update = try workspace.update(changed: ["content/projects/alpha-net.md"], first: ["stack/index.html"])
        let served = update.site.renderedTexts
        #expect(served["projects/alpha-net/index.html"]?.contains("Alpha Grid") == true, "the saved page")
        #expect(served["stack/index.html"]?.contains("Alpha Grid") == true, "a page open in a browser")
        #expect(served["projects/index.html"] == before["projects/index.html"], "the table is left for the rest")
        #expect(update.rendered == 2)
        #expect(workspace.finish()?.site.renderedTexts == Self.cold(options).filesOrEmpty)
    }

    @Test func aRestStoppedForANewerSaveIsRenderedByThatSavesUpdate() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: testToday)
        var workspace = PreviewWorkspace(options: options)
        _ = try workspace.update(changed: nil)
        try Self.replace("content/projects/alpha-net.md", "rents out idle GPUs", "rents out zebra GPUs")(site)
        _ = try workspace.update(changed: ["content/projects/alpha-net.md"])
        let rest = try #require(workspace.rest())
        #expect(rest.render(until: { true }) == nil, "told to stop before it starts")
        // Told to stop once it has started (SearchIndexTests stops the index in its middle).
        let asked = Mutex(0)
        let stopped = rest.render(until: {
            asked.withLock { count in
                count += 1
                return count > 1
            }
        })
        #expect(stopped == nil, "stopped once started")
        try Self.replace("content/projects/beta-chain.md", "title: Beta Chain", "title: Beta Ledger")(site)
        _ = try workspace.update(changed: ["content/projects/beta-chain.md"])
        #expect(workspace.finish()?.site.renderedTexts == Self.cold(options).filesOrEmpty)
    }
}

extension PreviewConsistencyTests.Outcome {
    var filesOrEmpty: [String: String] {
        if case .files(let files) = self { return files }
        return [:]
    }
}

extension PreviewSite {
    /// The rendered files as text, for comparing with a build.
    var renderedTexts: [String: String] {
        var texts: [String: String] = [:]
        for (path, body) in files {
            if case .rendered(let data) = body { texts[path] = String(decoding: data, as: UTF8.self) }
        }
        return texts
    }
}
