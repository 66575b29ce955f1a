import Foundation
import Testing

@testable import Strata

/// The new site goes in with one exchange of names, so the output folder is always a whole
/// site; leftovers of killed builds are removed by the next build.
@Suite struct OutputSwapTests {
    /// A staging and an output folder, each with one file saying which it is.
    static func folders() throws -> (TempDir, staging: String, output: String, retired: String) {
        let folder = try TempDir()
        try folder.write("public/which", "old")
        try folder.write(".public.staging-1/which", "new")
        return (folder, folder.file(".public.staging-1"), folder.file("public"), folder.file(".public.old-1"))
    }

    @Test func theNewSiteIsExchangedInWithOneCall() throws {
        let (folder, staging, output, retired) = try Self.folders()
        #expect(try OutputSwap.swap(staging, into: output, retired: retired) == .exchange)
        #expect(try folder.read("public/which") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    /// Where the file system cannot exchange, two renames do the same in two steps.
    @Test func twoRenamesWhereTheFileSystemCannotExchange() throws {
        let (folder, staging, output, retired) = try Self.folders()
        #expect(try OutputSwap.swap(staging, into: output, retired: retired, allowExchange: false) == .renames)
        #expect(try folder.read("public/which") == "new")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["public"])
    }

    @Test func theFirstBuildIsOneRename() throws {
        let (folder, staging, output, retired) = try Self.folders()
        try FileManager.default.removeItem(atPath: output)
        #expect(try OutputSwap.swap(staging, into: output, retired: retired) == .firstBuild)
        #expect(try folder.read("public/which") == "new")
    }

    /// An output that is a symlink stays one: the folder it names gets the new site.
    @Test func anOutputThroughASymlinkIsReplacedWhereItPoints() throws {
        let site = try fixtureSite()
        let served = try TempDir()
        try served.writeEarlierOutput(["old.html": "old\n"], in: "site")
        try FileManager.default.createSymbolicLink(
            atPath: site.file("public"), withDestinationPath: served.file("site"))
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.file("public")) == served.file("site"))
        #expect(FileManager.default.fileExists(atPath: served.file("site/index.html")))
        #expect(!FileManager.default.fileExists(atPath: served.file("site/old.html")))
        #expect(try FileManager.default.contentsOfDirectory(atPath: served.path) == ["site"])
    }

    /// Folders of a process that no longer runs are removed when the next build starts, even one
    /// that then fails on its content; a running one's are kept, and so is anything that only
    /// looks similar.
    @Test(arguments: [nil, "wikilink-missing-page"])
    func staleFoldersOfDeadBuildsAreRemoved(_ fixture: String?) throws {
        let site = try fixtureSite(fixture)
        let dead = try Self.pidOfAFinishedProcess()
        // pid 1 always runs (`kill(1, 0)` answers 0, or EPERM when not root: both count as running).
        let kept = [".public.staging-1", ".public.old-1", ".public.staging-\(dead).txt", ".other.staging-\(dead)"]
        let removed = [".public.staging-\(dead)", ".public.old-\(dead)"]
        for name in kept + removed { try site.write(name + "/index.html", "left behind\n") }
        let failure = buildFailure(BuildOptions(root: site.path, today: testToday))
        #expect((failure == nil) == (fixture == nil))
        let names = try FileManager.default.contentsOfDirectory(atPath: site.path).sorted()
        #expect(names == (kept + ["content", "templates"] + (fixture == nil ? ["public"] : [])).sorted())
    }

    @Test func leftoverNamesAreReadStrictly() {
        let folders = WorkFolders(output: "/site/public")
        #expect(folders.owner(of: ".public.staging-4242") == 4242)
        #expect(folders.owner(of: ".public.old-17") == 17)
        #expect(folders.owner(of: ".public.staging-") == nil)
        #expect(folders.owner(of: ".public.staging-12x") == nil)
        #expect(folders.owner(of: ".public.staging--5") == nil)
        #expect(folders.owner(of: ".public.staging-+5") == nil)
        #expect(folders.owner(of: ".site.staging-12") == nil)
        #expect(folders.owner(of: "public") == nil)
        #expect(folders.staging == "/site/.public.staging-\(getpid())")
    }

    /// The id of a process that has exited, so no process has it (for the moment).
    static func pidOfAFinishedProcess() throws -> pid_t {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        #expect(!WorkFolders.isRunning(process.processIdentifier))
        return process.processIdentifier
    }
}
