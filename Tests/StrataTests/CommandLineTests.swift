import Foundation
import Testing

@testable import Strata

/// What a new user meets on the command line: suggestions, one-line errors, `--version`,
/// `strata init`, and `check --drafts`.
@Suite struct CommandLineTests {
    @Test func aMisspeltCommandGetsASuggestion() throws {
        let run = try CLITests.strata(["biuld"])
        #expect(run.status == 2)
        #expect(run.stderr == "error: 'biuld' is not a strata command; did you mean 'build'? (see 'strata --help')\n")
    }

    @Test func aRootThatIsNotASiteIsOneLine() throws {
        let missing = try CLITests.strata(["build", "--root", "/nonexistent-strata-site"])
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: --root /nonexistent-strata-site: no such folder\n")
        let empty = try TempDir()
        let run = try CLITests.strata(["check", "--root", empty.path])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: \(empty.path) has no content/ folder: pass --root the folder that holds content/ and templates/, or start a site with 'strata init DIR'\n"
        )
    }

    @Test func versionIsPrinted() throws {
        let run = try CLITests.strata(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == Strata.version + "\n")
    }

    @Test func initStartsASiteThatBuildsStrictly() throws {
        let parent = try TempDir()
        let folder = parent.file("my-site")
        let written = try InitSite.create(at: folder, theme: Repo.templates)
        #expect(written.contains("content/site.yml") && written.contains("templates/"))
        let report = try Pipeline.build(BuildOptions(root: folder, strict: true, today: testToday))
        #expect(report.warnings.isEmpty)
        #expect(FileManager.default.fileExists(atPath: folder + "/public/stack/first-layer/index.html"))
        // A second init never overwrites.
        #expect(throws: InitSite.Failure.self) { try InitSite.create(at: folder, theme: Repo.templates) }
        let run = try CLITests.strata(["init", parent.file("other"), "--theme", parent.file("nowhere")])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("error: no theme at \(parent.file("nowhere"))"))
    }

    @Test func checkWithDraftsChecksThem() throws {
        let site = try fixtureSite()
        let path = "content/notes/draft-idea.md"
        try site.write(path, try site.read(path).replacingOccurrences(of: "[[alpha-net]]", with: "[[alpha-nett]]"))
        #expect(try CLITests.strata(["check", "--root", site.path]).status == 0, "a draft is left out")
        let run = try CLITests.strata(["check", "--root", site.path, "--drafts"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("content/notes/draft-idea.md:9:29: error: no page named 'alpha-nett'"))
    }

    @Test func aMisspeltRelationTargetGetsASuggestion() {
        let pages = [
            "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
            "content/projects/io-net.md": "---\ntitle: io.net\nlayers: [compute]\ndirection: crypto-for-ai\n---\n",
            "content/projects/p.md":
                "---\ntitle: P\nlayers: [compute]\ndirection: crypto-for-ai\nrelations:\n  - {type: runs-on, target: ionet}\n---\n",
        ]
        #expect(
            MemorySite.errors(pages).filter { $0.contains("error:") } == [
                "content/projects/p.md:6:29: error: relation target 'ionet' is not a project: content/projects/ionet.md does not exist; did you mean 'io-net'?"
            ])
    }
}
