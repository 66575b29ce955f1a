import Foundation
import Testing

@testable import Strata

/// `updated` falls back to the date of the file's last commit, read with one `git log`.
@Suite struct GitHistoryTests {
    @Test func parseKeepsTheNewestDatePerFile() {
        let log = "\u{1}2026-03-02\n\ncontent/a.md\ncontent/b.md\n\u{1}2025-12-01\n\ncontent/a.md\ncontent/c.md\n"
        #expect(
            GitHistory.parse(log) == [
                "content/a.md": "2026-03-02", "content/b.md": "2026-03-02", "content/c.md": "2025-12-01",
            ])
        #expect(GitHistory.parse("") == [:])
    }

    @Test func parseKeepsSpacesInPaths() {
        #expect(
            GitHistory.parse("\u{1}2024-01-05\n\ncontent/my notes/a b.md\n") == [
                "content/my notes/a b.md": "2024-01-05"
            ])
    }

    static func git(_ arguments: [String], in folder: String, date: String = "2024-03-05T12:00:00Z") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
            + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_COMMITTER_DATE"] = date
        environment["GIT_AUTHOR_DATE"] = date
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "git \(arguments.joined(separator: " ")) failed")
    }

    /// A site that is a subfolder of its repository: paths come back relative to the site root.
    @Test func datesOfTheLastCommitFromARealRepository() throws {
        let repo = try TempDir()
        try repo.write("site/content/notes/a.md", "---\ntitle: A\n---\n")
        try repo.write("site/content/notes/b.md", "---\ntitle: B\n---\n")
        try repo.write("site/content/site.yml", "title: T\n")
        try Self.git(["init", "-q"], in: repo.path)
        try Self.git(["add", "."], in: repo.path)
        try Self.git(["commit", "-q", "-m", "one"], in: repo.path, date: "2024-03-05T12:00:00Z")
        try repo.write("site/content/notes/b.md", "---\ntitle: B, changed\n---\n")
        try Self.git(["commit", "-q", "-am", "two"], in: repo.path, date: "2025-07-09T23:30:00Z")

        let source = SiteReader.read(root: repo.file("site"))
        #expect(source.commitDates["content/notes/a.md"] == "2024-03-05")
        #expect(source.commitDates["content/notes/b.md"] == "2025-07-09")
        #expect(source.commitDates["content/site.yml"] == "2024-03-05")
    }

    @Test func noRepositoryMeansNoDates() throws {
        let site = try TempDir()
        try site.write("content/site.yml", "title: T\n")
        #expect(SiteReader.read(root: site.path).commitDates.isEmpty)
    }

    @Test func frontMatterUpdatedWinsOverTheCommitDate() throws {
        var source = MemorySite.source([
            "content/notes/a.md": "---\ntitle: A\n---\n\nText.\n",
            "content/notes/b.md": "---\ntitle: B\nupdated: 2026-01-02\n---\n\nText.\n",
        ])
        source.commitDates = ["content/notes/a.md": "2025-05-06", "content/notes/b.md": "2025-05-06"]
        let rendered = try Pipeline.render(source, options: MemorySite.options)
        let files = Dictionary(uniqueKeysWithValues: rendered.files.map { ($0.path, $0.text) })
        #expect(
            files["notes/a/index.html"]?.contains(#"Updated <time datetime="2025-05-06">2025-05-06</time>"#) == true)
        #expect(
            files["notes/b/index.html"]?.contains(#"Updated <time datetime="2026-01-02">2026-01-02</time>"#) == true)
    }
}
