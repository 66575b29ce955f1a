import Foundation
import Testing

@testable import Strata

/// A build replaces its output folder whole, so it refuses one that would take the sources or
/// someone's files with it (exit 2, one line), and leaves every file where it was.
@Suite struct OutputGuardTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The output, relative to the site root; may climb out of it with `..`.
        var output: String
        var problem: String
        /// Made before the build: `link` → `content`, a file, a folder of notes.
        var setUp: @Sendable (TempDir) throws -> Void = { _ in }
        var testDescription: String { name }
    }

    static let replaced = "and a build replaces its output folder whole"

    /// An output that is, holds or lies inside the sources: `relation` ("it is content/") and the fix.
    static func sources(
        _ name: String, _ output: String, _ relation: String,
        setUp: @escaping @Sendable (TempDir) throws -> Void = { _ in }
    ) -> Case {
        Case(
            name: name, output: output,
            problem: "\(relation), \(replaced); pass --output with a folder of its own, such as ROOT/public",
            setUp: setUp)
    }

    static let cases: [Case] = [
        sources("the root", ".", "it is the site root"),
        sources("the root with a trailing slash and ..", "content/../", "it is the site root"),
        sources("a folder holding the root", "..", "it contains the site root"),
        sources("content/", "content/", "it is content/"),
        sources("templates/", "templates", "it is templates/"),
        sources("inside content/", "content/notes/site", "it is inside content/, which the build reads"),
        sources("inside templates/", "templates/assets/site", "it is inside templates/, which the build reads"),
        sources("inside content/ through a symlink", "link/site", "it is inside content/, which the build reads") {
            site in
            try FileManager.default.createSymbolicLink(atPath: site.file("link"), withDestinationPath: "content")
        },
        Case(
            name: "public/ as a symlink to content/", output: "public",
            problem: "it is content/, \(replaced); pass --output with a folder outside the site's sources",
            setUp: { site in
                try FileManager.default.createSymbolicLink(
                    atPath: site.file("public"), withDestinationPath: site.file("content"))
            }),
        Case(
            name: "an existing file", output: "notes.txt",
            problem: "it is a file, not a folder; remove it or pass --output with another folder",
            setUp: { site in try site.write("notes.txt", "my notes\n") }),
        Case(
            name: "a folder of someone's files", output: "docs",
            problem:
                "it holds files a build did not write (such as 'draft.txt'), \(replaced); empty or remove the folder, or pass --output with a new one",
            setUp: { site in
                try site.write("docs/draft.txt", "my draft\n")
                try site.write("docs/.hidden", "\n")
            }),
    ]

    @Test(arguments: cases)
    func refused(_ test: Case) throws {
        let site = try fixtureSite()
        try test.setUp(site)
        let before = try Self.everyFile(site)
        let options = BuildOptions(root: site.path, output: site.file(test.output), today: testToday)
        var problem: BuildFailure.Problem?
        do {
            _ = try Pipeline.build(options)
            Issue.record("the build went ahead")
        } catch {
            #expect(error.diagnostics.isEmpty)
            problem = error.problem
        }
        let expected = test.problem.replacingOccurrences(of: "ROOT", with: site.path)
        #expect(problem == .unsafeOutput("refusing to build into \(options.output): \(expected)"))
        #expect(try Self.everyFile(site) == before, "every file is where it was, byte for byte")
    }

    /// Through the command: exit status 2, one line on standard error, nothing written.
    @Test func theCommandExitsWithTwoAndOneLine() throws {
        let site = try fixtureSite()
        let before = try Self.everyFile(site)
        let run = try CLITests.strata(["build", "--root", site.path, "--output", site.path + "/content"])
        #expect(run.status == 2)
        #expect(
            run.stderr
                == "error: refusing to build into \(site.path)/content: it is content/, \(Self.replaced); pass --output with a folder of its own, such as \(site.path)/public\n"
        )
        #expect(run.stdout == "")
        #expect(try Self.everyFile(site) == before)
    }

    @Test func theDefaultOutputIsBuiltAndRebuilt() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: testToday)
        _ = try Pipeline.build(options)
        let first = try tree(site.file("public"))
        #expect(first[OutputGuard.marker] == Data(OutputGuard.markerText.utf8))
        _ = try Pipeline.build(options)
        #expect(try tree(site.file("public")) == first, "a build over an earlier build replaces it")
    }

    /// An output written before the marker existed is recognised by the files every build writes.
    @Test func anOutputFromBeforeTheMarkerIsReplaced() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: testToday)
        _ = try Pipeline.build(options)
        try FileManager.default.removeItem(atPath: site.file("public/" + OutputGuard.marker))
        try site.write("public/old-page/index.html", "from an older build\n")
        _ = try Pipeline.build(options)
        #expect(!FileManager.default.fileExists(atPath: site.file("public/old-page")))
        #expect(FileManager.default.fileExists(atPath: site.file("public/" + OutputGuard.marker)))
    }

    /// A folder holding only hidden entries (the repository's `public/.gitkeep`, a `.git` of a
    /// publishing branch) loses nothing: they are carried over, folders and all.
    @Test func aFolderOfHiddenEntriesIsBuiltInAndKeepsThem() throws {
        let site = try fixtureSite()
        try site.write("public/.gitkeep", "")
        try site.write("public/.git/HEAD", "ref: refs/heads/gh-pages\n")
        try site.write("public/.git/refs/heads/gh-pages", "0123abcd\n")
        try FileManager.default.createSymbolicLink(atPath: site.file("public/.well-known"), withDestinationPath: ".git")
        let options = BuildOptions(root: site.path, today: testToday)
        _ = try Pipeline.build(options)
        _ = try Pipeline.build(options)
        #expect(try site.read("public/.git/HEAD") == "ref: refs/heads/gh-pages\n")
        #expect(try site.read("public/.git/refs/heads/gh-pages") == "0123abcd\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: site.file("public/.well-known")) == ".git")
        #expect(FileManager.default.fileExists(atPath: site.file("public/.gitkeep")))
        #expect(FileManager.default.fileExists(atPath: site.file("public/index.html")))
    }

    @Test func anEmptyFolderIsBuiltIn() throws {
        let site = try fixtureSite()
        try FileManager.default.createDirectory(atPath: site.file("dist"), withIntermediateDirectories: false)
        _ = try Pipeline.build(BuildOptions(root: site.path, output: site.file("dist"), today: testToday))
        #expect(FileManager.default.fileExists(atPath: site.file("dist/index.html")))
    }

    /// Every file under the site root with its bytes, symlinks as their targets' paths.
    static func everyFile(_ site: TempDir) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let manager = FileManager.default
        func visit(_ relative: String) throws {
            let absolute = relative.isEmpty ? site.path : site.file(relative)
            for name in try manager.contentsOfDirectory(atPath: absolute) {
                let path = relative.isEmpty ? name : relative + "/" + name
                let type = try manager.attributesOfItem(atPath: site.file(path))[.type] as? FileAttributeType
                switch type {
                case .typeDirectory?: try visit(path)
                case .typeSymbolicLink?:
                    result[path] = Data(try manager.destinationOfSymbolicLink(atPath: site.file(path)).utf8)
                default: result[path] = try Data(contentsOf: URL(fileURLWithPath: site.file(path)))
                }
            }
        }
        try visit("")
        return result
    }
}
