import Dispatch
import Foundation
import Synchronization
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The `strata` executable: output, diagnostics on standard error and exit status (SPEC §7).
@Suite struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the built `strata` with `arguments`; the build day is pinned with SOURCE_DATE_EPOCH.
    /// `unprivileged` runs it as user `nobody` when the tests run as root, for whom file
    /// permissions do not apply (so a folder at mode 000 is unreadable in the test, as for a user).
    static func strata(_ arguments: [String], unprivileged: Bool = false) throws -> Run {
        try #require(
            FileManager.default.isExecutableFile(atPath: Repo.executable),
            "build the executable first: swift build (looked for \(Repo.executable))")
        if unprivileged && getuid() == 0 {
            return try run(
                "/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", Repo.executable] + arguments)
        }
        return try run(Repo.executable, arguments)
    }

    /// Runs `program` (`strata`, or a shell that runs it) in the environment the tests pin.
    static func run(_ program: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SOURCE_DATE_EPOCH"] = String(20_782 * 86_400)  // 2026-11-25
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot block the child.
        let errData = Mutex<Data>(Data())
        let errDone = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData.withLock { $0 = err.fileHandleForReading.readDataToEndOfFile() }
            errDone.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        errDone.wait()
        process.waitUntilExit()
        return Run(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self))
    }

    @Test func buildSucceeds() throws {
        let site = try fixtureSite()
        let run = try Self.strata(["build", "--root", site.path, "--strict"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n")
        let last = try #require(lines.last.map(String.init))
        let pages = try listFiles(site.file("public")).filter { $0.hasSuffix(".html") }.count
        #expect(last.hasPrefix("\(pages) pages written, 0 warnings, "), "last line: \(last)")
        #expect(last.range(of: #"^\d+ pages written, \d+ warnings?, \d+\.\d\d s$"#, options: .regularExpression) != nil)
    }

    @Test func buildWithWarningsPrintsThemAndSucceeds() throws {
        let site = try fixtureSite("stale-reviewed")
        let run = try Self.strata(["build", "--root", site.path])
        #expect(run.status == 0)
        #expect(
            run.stderr
                == "content/projects/beta-chain.md:16:11: warning: reviewed 2025-09-15, more than 180 days ago: check the page against its sources and update 'reviewed'\n"
        )
        #expect(run.stdout.split(separator: "\n").last?.contains(" pages written, 1 warning, ") == true)
    }

    @Test func buildFailsWithDiagnosticsOnStandardError() throws {
        let site = try fixtureSite("wikilink-missing-page")
        try site.writeEarlierOutput(["sentinel.txt": "old\n"])
        let run = try Self.strata(["build", "--root", site.path])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                content/stack/data.md:7:24: error: no page named 'gamma-agent' for the link '[[gamma-agent]]'; did you mean '[[gamma-agents]]'?
                build failed: 1 error

                """)
        #expect(run.stdout == "")
        #expect(try listFiles(site.file("public")) == [".strata-output", "sentinel.txt"])
    }

    @Test func checkFailsWithTheSameDiagnosticsAndWritesNothing() throws {
        let site = try fixtureSite("wikilink-missing-page")
        let run = try Self.strata(["check", "--root", site.path])
        #expect(run.status == 1)
        #expect(
            run.stderr == """
                content/stack/data.md:7:24: error: no page named 'gamma-agent' for the link '[[gamma-agent]]'; did you mean '[[gamma-agents]]'?
                check failed: 1 error

                """)
        #expect(!FileManager.default.fileExists(atPath: site.file("public")))
    }

    @Test func strictTurnsWarningsIntoFailure() throws {
        let site = try fixtureSite("uncited-source")
        let run = try Self.strata(["build", "--root", site.path, "--strict"])
        #expect(run.status == 1)
        #expect(
            run.stderr.hasPrefix(
                "content/projects/beta-chain.md:16:9: error: source 'beta-blog' is listed but never cited"))
    }

    @Test func outputOption() throws {
        let site = try fixtureSite()
        let run = try Self.strata(["build", "--root", site.path, "--output", site.file("elsewhere")])
        #expect(run.status == 0)
        #expect(FileManager.default.fileExists(atPath: site.file("elsewhere/index.html")))
        #expect(!FileManager.default.fileExists(atPath: site.file("public")))
    }

    @Test func checkWritesNothing() throws {
        let site = try fixtureSite()
        let run = try Self.strata(["check", "--root", site.path, "--strict"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.file("public")))
        let bad = try fixtureSite("broken-md-link")
        #expect(try Self.strata(["check", "--root", bad.path]).status == 1)
    }

    @Test(arguments: [
        ["build", "--bogus"], ["frobnicate"], ["build", "--output"], ["check", "extra-argument"], ["--root"],
    ])
    func wrongCommandLineExitsWithTwo(_ arguments: [String]) throws {
        let run = try Self.strata(arguments)
        #expect(run.status == 2)
        #expect(!run.stderr.isEmpty)
    }

    @Test func helpSucceeds() throws {
        let run = try Self.strata(["--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("build"))
    }
}

/// `strata serve` as a process: it says where it listens, answers from memory, and on Ctrl-C
/// (SIGINT) exits 0, having written nothing: no `public/`, no temporary folder.
@Suite struct ServeCommandTests {
    @Test func servesUntilInterruptedThenCleansUp() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Repo.executable), "build the executable first")
        let site = try fixtureSite()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Repo.executable)
        process.arguments = ["serve", "--root", site.path, "--port", "0"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Read the first lines until the one that names the address.
        var text = ""
        while !text.contains("Serving http://"), process.isRunning {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let match = try #require(text.firstMatch(of: /Serving (http:\/\/127\.0\.0\.1:\d+\/)/), "stdout: \(text)")
        let url = try #require(URL(string: String(match.1) + "notes/market-map/"))
        let (data, response) = try await URLSession.shared.data(from: url)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("Market map"))

        let folder = FileManager.default.temporaryDirectory.path + "/strata-serve-\(process.processIdentifier)"
        #expect(!FileManager.default.fileExists(atPath: folder), "the preview is not written to disk")
        process.interrupt()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(!FileManager.default.fileExists(atPath: site.file("public")), "public/ is not written")
    }

    @Test func aPortInUseIsOneClearLine() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let port = UInt16(bigEndian: address.sin_port)
        let site = try fixtureSite()
        let run = try CLITests.strata(["serve", "--root", site.path, "--port", String(port)])
        #expect(run.status == 1)
        #expect(run.stderr == "error: port \(port) is in use: pass --port N, or --port 0 for a free one\n")
    }
}
