import FlyingFox
import Foundation
import Synchronization

/// `strata serve`: builds the site into a folder of its own, serves it on 127.0.0.1, and builds
/// again whenever a file under `content/` or `templates/` changes. Every HTML page it serves
/// carries a small script that reloads the page after a successful build and shows the errors
/// of a failed one; the last good build stays served until the errors are fixed.
public final class PreviewServer: Sendable {
    /// What happened, for the command to print.
    public enum Event: Sendable {
        case listening(port: UInt16)
        case built(BuildReport)
        case failed(BuildFailure)
    }

    /// The state pages ask for: the build number (a page reloads when it changes) and the errors
    /// of the latest build, if it failed.
    struct Status: Sendable, Equatable {
        var version = 0
        var errors: [String] = []
    }

    static let statusPath = "/__strata/status"

    private let options: BuildOptions
    private let port: UInt16
    private let pollInterval: Duration
    private let server: HTTPServer
    private let status = StatusStore()

    /// - Parameters:
    ///   - options: what to build; `options.output` is the folder the preview is built into and
    ///     served from (the command passes a temporary folder, so `public/` is left alone).
    ///   - port: the port on 127.0.0.1; 0 picks a free one.
    ///   - pollInterval: how often `content/` and `templates/` are checked for changes.
    public init(options: BuildOptions, port: UInt16, pollInterval: Duration = .milliseconds(500)) throws {
        self.options = options
        self.port = port
        self.pollInterval = pollInterval
        let site = PreviewSite(folder: options.output)
        let status = self.status
        server = HTTPServer(
            address: try .inet(ip4: "127.0.0.1", port: port), logger: .disabled,
            handler: PreviewHandler(site: site, status: { status.current }))
    }

    /// The port the server listens on, once it does.
    public var listeningPort: UInt16? {
        get async {
            switch await server.listeningAddress {
            case .ip4(_, let port)?, .ip6(_, let port)?: port
            default: nil
            }
        }
    }

    /// Builds, serves and rebuilds on change until the task is cancelled.
    public func run(_ report: @escaping @Sendable (Event) -> Void) async throws {
        // Taken before the first build, so a save during it is not missed.
        let sources = SourceFingerprint(root: options.root)
        report(build())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                try await self.server.waitUntilListening()
                if let port = await self.listeningPort { report(.listening(port: port)) }
                try await self.watch(from: sources, report)
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Checks the sources every `pollInterval` and builds again when they changed.
    private func watch(from sources: SourceFingerprint, _ report: @Sendable (Event) -> Void) async throws {
        var seen = sources
        var wait = pollInterval
        while !Task.isCancelled {
            try await Task.sleep(for: wait)
            let clock = ContinuousClock.now
            let now = SourceFingerprint(root: options.root)
            // On a site of many thousand files a look costs tens of milliseconds: wait ten times
            // as long as it took, so watching stays under a tenth of a core.
            wait = max(pollInterval, (ContinuousClock.now - clock) * 10)
            guard now != seen else { continue }
            seen = now
            report(build())
        }
    }

    /// One build into the preview folder; a failure keeps the last good build in place.
    private func build() -> Event {
        do {
            let report = try Pipeline.build(options)
            status.update {
                $0.version += 1; $0.errors = []
            }
            return .built(report)
        } catch {
            let errors =
                error.problem == nil
                ? error.diagnostics.filter { $0.severity == .error }.map(\.description) : error.lines
            status.update { $0.errors = errors }
            return .failed(error)
        }
    }
}

/// The status, shared by the builds and the request handler.
final class StatusStore: Sendable {
    private let state = Mutex(PreviewServer.Status())
    var current: PreviewServer.Status { state.withLock { $0 } }
    func update(_ change: (inout PreviewServer.Status) -> Void) { state.withLock { change(&$0) } }
}

/// The files under `content/` and `templates/` with their sizes and modification times: two
/// fingerprints differ when a file was added, removed or saved.
struct SourceFingerprint: Equatable, Sendable {
    private var files: [String: [Int]] = [:]

    init(root: String) {
        let manager = FileManager.default
        for folder in ["content", "templates"] {
            let base = root + "/" + folder
            guard let walker = manager.enumerator(atPath: base) else { continue }
            while let path = walker.nextObject() as? String {
                var info = stat()
                guard stat(base + "/" + path, &info) == 0 else { continue }
                files[folder + "/" + path] = [
                    Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, Int(info.st_mode),
                ]
            }
        }
    }
}
