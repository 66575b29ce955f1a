import Foundation
import Testing

@testable import Strata

/// The preview reuses work between builds; after every edit, what it serves must be exactly what a
/// cold build of the same sources gives: every file byte for byte, or the same errors.
@Suite struct PreviewConsistencyTests {
    /// One edit to the fixture site, applied to files under its root.
    struct Edit: CustomStringConvertible, Sendable {
        var description: String
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
        Edit(description: "edit a body", apply: replace("content/projects/alpha-net.md", "rents out idle GPUs", "rents out spare GPUs")),
        Edit(description: "rename a heading another page links to", apply: replace("content/notes/market-map.md", "## The map", "## The atlas")),
        Edit(description: "fix the links to the renamed heading") { site in
            try replace("content/notes/depin-basics.md", "market-map#the-map", "market-map#the-atlas")(site)
            try replace("content/index.md", "market-map.md#the-map", "market-map.md#the-atlas")(site)
        },
        Edit(description: "change a title shown on index pages", apply: replace("content/projects/beta-chain.md", "title: Beta Chain", "title: Beta Ledger")),
        Edit(description: "add a relation", apply: replace("content/projects/beta-chain.md", "assessment:", "relations:\n  - {type: runs-on, target: alpha-net}\nassessment:")),
        Edit(description: "remove the relation", apply: replace("content/projects/beta-chain.md", "relations:\n  - {type: runs-on, target: alpha-net}\n", "")),
        Edit(description: "delete a page others link to") { site in
            try FileManager.default.moveItem(atPath: site.file("content/projects/alpha-net.md"), toPath: site.file("alpha-net.md.saved"))
        },
        Edit(description: "restore it") { site in
            try FileManager.default.moveItem(atPath: site.file("alpha-net.md.saved"), toPath: site.file("content/projects/alpha-net.md"))
        },
        Edit(description: "add a tag", apply: replace("content/notes/market-map.md", "tags: [depin]", "tags: [depin, maps]")),
        Edit(description: "change a template", apply: replace("templates/layout.mustache", "</footer>", "<p>Preview footer</p></footer>")),
        Edit(description: "change site.yml", apply: replace("content/site.yml", "title: ", "title: Renamed ")),
        Edit(description: "add a page") { site in
            try site.write("content/notes/new-note.md", "---\ntitle: New note\ndate: 2026-07-01\n---\nAbout [[beta-chain]].\n")
        },
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

    static func preview(_ builder: inout PreviewBuilder) -> Outcome {
        do {
            let (site, _) = try builder.build()
            return .files(site.renderedTexts)
        } catch {
            return .failed(error.diagnostics.map(\.description))
        }
    }

    @Test func everyEditServesWhatAColdBuildMakes() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: testToday)
        var builder = PreviewBuilder(options: options)
        #expect(Self.preview(&builder) == Self.cold(options), "the first build")
        var failures = 0
        for edit in Self.edits {
            try edit.apply(site)
            let served = Self.preview(&builder)
            let expected = Self.cold(options)
            if case .failed = expected { failures += 1 }
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
