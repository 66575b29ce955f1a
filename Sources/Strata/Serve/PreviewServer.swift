import FlyingFox
import Foundation
import Synchronization

/// `strata serve`: builds the site in memory, serves it, and builds again whenever a file under
/// `content/` or `templates/` changes. Every HTML page it serves carries a small script that
/// reloads the page after a successful build and shows the errors of a failed one; the last good
/// build stays served until the errors are fixed. Nothing is written to disk.
public final class PreviewServer: Sendable {
    /// What happened, for the command to print.
    public enum Event: Sendable {
        case listening(address: String, port: UInt16)
        case built(BuildReport)
        /// `serving` says whether an earlier good build is still being served.
        case failed([Diagnostic], serving: Bool)
    }

    /// The state pages ask for: the build number (a page reloads when it changes) and the errors
    /// of the latest build, if it failed.
    struct Status: Sendable, Equatable {
        var version = 0
        var errors: [String] = []
    }

    /// Why the server cannot start, in words for the terminal.
    public struct StartFailure: Error, CustomStringConvertible {
        public var description: String
    }

    static let statusPath = "/__strata/status"

    private let watcher: SourceWatcher
    private let server: HTTPServer
    private let address: String
    private let state = PreviewState()
    private let builder: Mutex<PreviewBuilder>

    /// - Parameters:
    ///   - options: what to build (`options.output` is not used: the preview lives in memory).
    ///   - address: the IPv4 address to listen on: 127.0.0.1, or 0.0.0.0 for every interface.
    ///   - port: the port; 0 picks a free one.
    ///   - pollInterval: how often the sources are looked at where inotify is not available.
    public init(
        options: BuildOptions, address: String = "127.0.0.1", port: UInt16,
        pollInterval: Duration = .milliseconds(500)
    ) throws(StartFailure) {
        self.address = address
        builder = Mutex(PreviewBuilder(options: options))
        watcher = SourceWatcher(root: options.root, pollInterval: pollInterval)
        let socketAddress: sockaddr_in
        do {
            socketAddress = try .inet(ip4: address, port: port)
        } catch {
            throw StartFailure(description: "'\(address)' is not an IPv4 address: pass --bind 127.0.0.1 or --bind 0.0.0.0")
        }
        if let failure = Self.checkPortIsFree(socketAddress, port: port) { throw failure }
        let state = self.state
        server = HTTPServer(
            address: socketAddress, logger: .disabled,
            handler: PreviewHandler(site: { state.site }, status: { state.status }))
    }

    /// FlyingFox reports a port in use only once it runs; trying the bind first turns it into one
    /// clear line before anything is built.
    private static func checkPortIsFree(_ address: sockaddr_in, port: UInt16) -> StartFailure? {
        guard port != 0 else { return nil }
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var yes: Int32 = 1
        setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = address
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result != 0 else { return nil }
        if errno == EADDRINUSE {
            return StartFailure(description: "port \(port) is in use: pass --port N, or --port 0 for a free one")
        }
        return StartFailure(description: "cannot listen on port \(port): \(String(cString: strerror(errno)))")
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
        // Watching starts before the first build, so a save during it is not missed.
        let changes = watcher.changes()
        report(build())
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                try await self.server.waitUntilListening()
                if let port = await self.listeningPort { report(.listening(address: self.address, port: port)) }
                for await _ in changes { report(self.build()) }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// One build in memory; a failure keeps the last good build served.
    private func build() -> Event {
        do {
            let (site, report) = try builder.withLock { builder throws(BuildFailure) in try builder.build() }
            state.update(site)
            return .built(report)
        } catch {
            let errors = error.diagnostics.filter { $0.severity == .error }
            let serving = state.fail(errors.map(\.description))
            return .failed(error.diagnostics, serving: serving)
        }
    }
}

/// The site being served and the status pages ask for, shared by the builds and the requests.
final class PreviewState: Sendable {
    private let state = Mutex((site: PreviewSite.empty, status: PreviewServer.Status()))

    var site: PreviewSite { state.withLock { $0.site } }
    var status: PreviewServer.Status { state.withLock { $0.status } }

    func update(_ site: PreviewSite) {
        state.withLock {
            $0.site = site
            $0.status.version += 1
            $0.status.errors = []
        }
    }

    /// Records a failed build's errors; whether a good build is still served.
    func fail(_ errors: [String]) -> Bool {
        state.withLock {
            $0.status.errors = errors
            return !$0.site.isEmpty
        }
    }
}
