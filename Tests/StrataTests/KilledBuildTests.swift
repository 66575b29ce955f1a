import Foundation
import Testing

/// A build stopped at any moment leaves the output folder whole: `strata build` is run as a
/// child process on a site large enough to take a while, and stopped while it works.
@Suite(.serialized) struct KilledBuildTests {
    /// The good fixture with `count` notes more, and a page whose text says which version it is.
    static func largeSite(notes count: Int) throws -> TempDir {
        let site = try fixtureSite()
        let paragraph = String(repeating: "A sentence about the network and its tokens, cited nowhere. ", count: 12)
        for index in 1...count {
            try site.write(
                "content/notes/bulk-\(index).md",
                """
                ---
                title: Bulk note \(index)
                summary: Note \(index) of \(count).
                date: 2026-01-\(String(format: "%02d", index % 28 + 1))
                tags: [bulk-\(index % 10)]
                ---

                # Part one

                \(paragraph) See [[notes/depin-basics]].

                ## Part two

                \(paragraph)

                """)
        }
        try setVersion("A", of: site)
        return site
    }

    static func setVersion(_ version: String, of site: TempDir) throws {
        try site.write(
            "content/notes/version.md", "---\ntitle: Version \(version)\n---\n\nThis is version \(version).\n")
    }

    /// Starts `strata build --root SITE` with its output thrown away.
    static func startBuild(_ site: TempDir) throws -> Process {
        try #require(FileManager.default.isExecutableFile(atPath: Repo.executable), "build the executable first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["build", "--root", site.path]
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(20_782 * 86_400)
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// Waits until the build has begun writing its staging folder; false if it ended first.
    static func waitForStaging(of process: Process, in site: TempDir) -> Bool {
        let staging = site.file(".public.staging-\(process.processIdentifier)/index.html")
        while process.isRunning {
            if FileManager.default.fileExists(atPath: staging) { return true }
            usleep(2_000)
        }
        return false
    }

    /// Names beside the output that a build left behind.
    static func leftovers(_ site: TempDir) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasPrefix(".public.") }.sorted()
    }

    @Test(arguments: [(SIGINT, Int32(130)), (SIGTERM, Int32(143))])
    func aSignalRemovesTheStagingFolder(_ signal: Int32, _ status: Int32) throws {
        let site = try Self.largeSite(notes: 300)
        let first = try Self.startBuild(site)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let before = try tree(site.file("public"))
        try Self.setVersion("B", of: site)
        let build = try Self.startBuild(site)
        try #require(Self.waitForStaging(of: build, in: site), "the build ended before it could be interrupted")
        kill(build.processIdentifier, signal)
        build.waitUntilExit()
        #expect(build.terminationReason == Process.TerminationReason.exit)
        #expect(build.terminationStatus == status)
        #expect(try Self.leftovers(site) == [], "the staging folder is removed")
        #expect(try tree(site.file("public")) == before, "the output is the earlier build")
    }

    /// SIGKILL at random moments of builds that alternate between two versions of the site:
    /// after every kill the output folder is the whole of one version, never missing or mixed;
    /// the next build removes what the killed one left.
    @Test func aBuildKilledAtAnyMomentLeavesAWholeSite() throws {
        let site = try Self.largeSite(notes: 300)
        let references = try TempDir()
        let reference = { (version: String) throws -> [String: Data] in
            try Self.setVersion(version, of: site)
            let build = try Self.startBuild(site)
            build.waitUntilExit()
            try #require(build.terminationStatus == 0)
            let output = references.file(version)
            try FileManager.default.copyItem(atPath: site.file("public"), toPath: output)
            return try tree(output)
        }
        let versionA = try reference("A")
        let clock = ContinuousClock.now
        let versionB = try reference("B")  // over A: a whole build, swap included
        let fullBuild = ContinuousClock.now - clock
        #expect(versionA != versionB)

        // Even rounds: a moment anywhere in the build. Odd rounds: a moment of the swap itself,
        // up to 3 ms after the staging folder got its marker (the last file the build writes).
        var moments: [String] = []
        var stagedKills = 0
        for round in 0..<14 {
            try Self.setVersion(round % 2 == 0 ? "A" : "B", of: site)
            let build = try Self.startBuild(site)
            let staging = site.file(".public.staging-\(build.processIdentifier)")
            let start = ContinuousClock.now
            if round % 2 == 0 {
                let moment = fullBuild * Double.random(in: 0.05...1.1)
                moments.append("\(moment)")
                while build.isRunning, ContinuousClock.now - start < moment { usleep(1_000) }
            } else {
                let delay = UInt32.random(in: 0...3_000)
                moments.append("marker + \(delay) µs")
                while build.isRunning, !FileManager.default.fileExists(atPath: staging + "/.strata-output") {
                    usleep(200)
                }
                usleep(delay)
            }
            let staged = FileManager.default.fileExists(atPath: staging)
            // Only a child not yet reaped: a finished one's id may already belong to another process.
            if build.isRunning { kill(build.processIdentifier, SIGKILL) }
            build.waitUntilExit()
            if staged { stagedKills += 1 }
            guard FileManager.default.fileExists(atPath: site.file("public/index.html")) else {
                Issue.record("no output folder after a kill at \(moments.last ?? "") (round \(round))")
                break
            }
            let output = try tree(site.file("public"))
            #expect(output == versionA || output == versionB, "after a kill at \(moments.last ?? "") (round \(round))")
        }
        #expect(stagedKills > 0, "some kills landed while the build was writing (moments \(moments))")

        let last = try Self.startBuild(site)
        last.waitUntilExit()
        #expect(last.terminationStatus == 0)
        #expect(try Self.leftovers(site) == [], "the build removed the folders of the killed ones")
        #expect(try tree(site.file("public")) == versionB)
    }
}
