import Foundation
import Testing

@testable import Strata

/// What the read stage does with files that are not plain readable files: nothing is skipped in
/// silence, and nothing can make the build wait.
@Suite struct ReadStageTests {
    static func check(_ site: TempDir) -> [String] {
        do {
            return try Pipeline.check(BuildOptions(root: site.path, today: testToday)).map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    /// A FIFO named like a page once hung the build, waiting for a writer.
    @Test func aNamedPipeIsSkippedWithAWarning() throws {
        let site = try fixtureSite()
        #expect(mkfifo(site.file("content/notes/pipe.md"), 0o644) == 0)
        #expect(mkfifo(site.file("templates/partials/pipe.mustache"), 0o644) == 0)
        #expect(
            Self.check(site) == [
                "content/notes/pipe.md:1:1: warning: a named pipe (FIFO), not a regular file; it is skipped",
                "templates/partials/pipe.mustache:1:1: warning: a named pipe (FIFO), not a regular file; it is skipped",
            ])
    }

    @Test func aSocketIsSkippedWithAWarning() throws {
        let site = try fixtureSite()
        let path = site.file("content/images/s")
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in path.utf8.enumerated() where index < buffer.count - 1 { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        #expect(bound == 0)
        #expect(Self.check(site) == ["content/images/s:1:1: warning: a socket, not a regular file; it is skipped"])
    }

    @Test func aDanglingSymlinkIsCalledThat() throws {
        let site = try fixtureSite()
        try FileManager.default.createSymbolicLink(
            atPath: site.file("content/notes/gone.md"), withDestinationPath: "moved-away.md")
        #expect(
            Self.check(site) == [
                "content/notes/gone.md:1:1: warning: dangling symlink: its target 'moved-away.md' does not exist; it is not followed"
            ])
    }

    @Test func symlinkLoopsAreCalledThat() throws {
        let site = try fixtureSite()
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: site.file("content/notes/a.md"), withDestinationPath: "b.md")
        try manager.createSymbolicLink(atPath: site.file("content/notes/b.md"), withDestinationPath: "a.md")
        try manager.createSymbolicLink(atPath: site.file("content/notes/up"), withDestinationPath: "..")
        #expect(
            Self.check(site) == [
                "content/notes/a.md:1:1: warning: symlink loop: following 'b.md' leads back to a symlink on the way; it is not followed",
                "content/notes/b.md:1:1: warning: symlink loop: following 'a.md' leads back to a symlink on the way; it is not followed",
                "content/notes/up:1:1: warning: symlink loop: it points to a folder that contains it; it is not followed",
            ])
    }

    /// An unreadable folder was skipped with exit 0 (pages without their partials) or gave
    /// misleading "no page named" errors; now it is one error, and the checks stop there.
    @Test func anUnreadableFolderIsAnError() throws {
        let site = try fixtureSite()
        #expect(chmod(site.file("content/notes"), 0) == 0)
        #expect(chmod(site.file("templates/partials"), 0) == 0)
        defer {
            chmod(site.file("content/notes"), 0o755)
            chmod(site.file("templates/partials"), 0o755)
        }
        let run = try CLITests.strata(["check", "--root", site.path], unprivileged: true)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                content/notes:1:1: error: cannot read this folder (permission denied), so nothing in it is built; make it readable (chmod u+rx) or move it out of the site
                templates/partials:1:1: error: cannot read this folder (permission denied), so nothing in it is built; make it readable (chmod u+rx) or move it out of the site
                check failed: 2 errors

                """)
    }

    @Test func anUnreadableFileIsAnError() throws {
        let site = try fixtureSite()
        #expect(chmod(site.file("content/images/logo.png"), 0) == 0)
        let run = try CLITests.strata(["check", "--root", site.path], unprivileged: true)
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                content/images/logo.png:1:1: error: cannot read this file (permission denied); make it readable (chmod u+r)
                check failed: 1 error

                """)
    }

    @Test func siteSettingsThatAreAFolderAreReportedOnce() throws {
        let site = try fixtureSite()
        try FileManager.default.removeItem(atPath: site.file("content/site.yml"))
        try site.write("content/site.yml/title.yml", "title: A\n")
        #expect(
            Self.check(site) == [
                "content/site.yml:1:1: error: the site settings must be a file, but this is a folder; "
                    + "move what is in it and write the settings into a file content/site.yml"
            ])
    }

    @Test func siteSettingsThatAreNotUTF8AreReportedOnce() throws {
        let site = try fixtureSite()
        try Data("title: caf\u{E9}\n".data(using: .isoLatin1)!).write(
            to: URL(fileURLWithPath: site.file("content/site.yml")))
        #expect(
            Self.check(site) == [
                "content/site.yml:1:11: error: the file is not UTF-8 text: byte 0xE9 here is not valid UTF-8; save the file as UTF-8"
            ])
    }
}
