import Foundation
import Testing

@testable import Strata

/// The disk saying no is one line naming the path and the reason, never an NSError dump, and
/// the output folder stays as it was.
@Suite struct FileSystemErrorTests {
    @Test func anOutputThatCannotBeCreated() throws {
        let site = try fixtureSite()
        try site.write("README", "a file, not a folder\n")
        let options = BuildOptions(root: site.path, output: site.file("README/public"), today: testToday)
        var problem: BuildFailure.Problem?
        do {
            _ = try Pipeline.build(options)
        } catch {
            problem = error.problem
        }
        #expect(
            problem
                == .fileSystem(
                    "cannot create \(site.path)/README/.public.staging-\(getpid()): Not a directory (the output folder \(site.path)/README/public is unchanged)"
                ))
        #expect(try site.read("README") == "a file, not a folder\n")
    }

    /// A full disk, played by a file-size limit on the child process (`ulimit -f`, with SIGXFSZ
    /// ignored so a write fails with EFBIG as it would with ENOSPC).
    @Test func aFullDisk() throws {
        let site = try fixtureSite()
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        let before = try tree(site.file("public"))
        try site.write(
            "content/notes/long.md", "---\ntitle: Long\n---\n\n" + String(repeating: "Words. ", count: 4_000))
        let script = "trap '' XFSZ; ulimit -f 16; exec \"$0\" build --root \"$1\""
        let run = try CLITests.run("/bin/sh", ["-c", script, Repo.executable, site.path])
        #expect(run.status == 1)
        let line = try #require(run.stderr.split(separator: "\n").first.map(String.init))
        #expect(run.stderr == line + "\n", "one line")
        #expect(line.hasPrefix("error: cannot write \(site.path)/.public.staging-"))
        #expect(line.hasSuffix(": File too large (the output folder \(site.path)/public is unchanged)"))
        #expect(!line.contains("NSCocoaErrorDomain"))
        #expect(try tree(site.file("public")) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: site.path).sorted() == [
                "content", "public", "templates",
            ])
    }

    /// A symlink inside content/ to a file inside content/ is published as that file's bytes,
    /// not as a link that would point nowhere on the server.
    @Test func aCopiedSymlinkIsCopiedAsTheFile() throws {
        let site = try fixtureSite()
        try FileManager.default.createSymbolicLink(
            atPath: site.file("content/images/same-logo.png"), withDestinationPath: "logo.png")
        _ = try Pipeline.build(BuildOptions(root: site.path, today: testToday))
        let copy = site.file("public/images/same-logo.png")
        let type = try FileManager.default.attributesOfItem(atPath: copy)[.type] as? FileAttributeType
        #expect(type == .typeRegular)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: copy))
                == Data(contentsOf: URL(fileURLWithPath: site.file("content/images/logo.png"))))
    }
}
