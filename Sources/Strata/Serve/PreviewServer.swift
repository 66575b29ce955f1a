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

    /// The state pages ask for: the build number, the errors of the latest build if it failed,
    /// and which output paths each build changed (a page reloads only when its own file, or a
    /// script or image, changed; a changed stylesheet is swapped in place).
    struct Status: Sendable, Equatable {
        var version = 0
        var errors: [String] = []
        /// The paths each recent build changed, by build number, oldest first.
        var history: [(version: Int, paths: Set<String>)] = []

        /// How many builds back a page may ask about; an older page reloads.
        static let historyLimit = 64

        static func == (lhs: Status, rhs: Status) -> Bool {
            lhs.version == rhs.version && lhs.errors == rhs.errors
        }

        /// The paths changed by the builds after `version`; nil when the history does not reach back.
        func changed(since version: Int) -> Set<String>? {
            guard version < self.version else { return [] }
            guard let first = history.first, first.version <= version + 1 else { return nil }
            return history.filter { $0.version > version }.reduce(into: Set()) { $0.formUnion($1.paths) }
        }
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
    private let workspace: Mutex<PreviewWorkspace>
    private let changes = SourceChanges()

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
        workspace = Mutex(PreviewWorkspace(options: options))
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
            address: socketAddress, pool: NoDelaySocketPool(base: HTTPServer.defaultPool()), logger: .disabled,
            handler: PreviewHandler(site: { state.site }, status: { state.status }, visit: { state.visit($0) }))
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
        let saves = watcher.changes(into: changes)
        report(build(changed: nil))
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.server.run() }
            group.addTask {
                try await self.server.waitUntilListening()
                if let port = await self.listeningPort { report(.listening(address: self.address, port: port)) }
                for await _ in saves { report(self.build(changed: self.changes.take())) }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// One build in memory, after the files at `paths` changed (nil: all of them); a failure
    /// keeps the last good build served.
    private func build(changed paths: Set<String>?) -> Event {
        do {
            let open = state.openPages
            let update = try workspace.withLock { workspace throws(BuildFailure) in
                try workspace.update(changed: paths, first: open)
            }
            state.update(update.site, changed: update.changed)
            // The pages no browser has open, the data files and the search index follow, made on
            // another thread so that the next save need not wait for them; a save that comes
            // first takes them over.
            let seen = changes.count
            if !changes.isWaiting, workspace.withLock({ $0.hasRest }) {
                Thread.detachNewThread {
                    // On one core, at a low priority (on Linux a thread's nice value is its own),
                    // so that the next save's update has both cores at once.
                    #if canImport(Glibc)
                        setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 10)
                    #endif
                    // A newer save stops it, even once its build has taken the change: the update
                    // for that save renders the rest again.
                    let stop: @Sendable () -> Bool = { self.changes.count != seen }
                    while let rest = self.workspace.withLock({ $0.rest() }), let results = rest.render(until: stop, serially: true),
                        let done = self.workspace.withLock({ $0.finish(rest, results) })
                    {
                        self.state.amend(done.site, changed: done.changed)
                    }
                }
            }
            return .built(update.report)
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
    /// The pages browsers asked for lately, most recent last: an update renders them first.
    private let visited = Mutex<[String]>([])

    /// How many pages count as open.
    static let openLimit = 32

    /// Notes that a browser shows the page whose output file is `path`.
    func visit(_ path: String) {
        visited.withLock { pages in
            if pages.last == path { return }
            pages.removeAll { $0 == path }
            pages.append(path)
            if pages.count > Self.openLimit { pages.removeFirst() }
        }
    }

    /// The output files of the pages browsers asked for lately.
    var openPages: Set<String> { visited.withLock { Set($0) } }

    var site: PreviewSite { state.withLock { $0.site } }
    var status: PreviewServer.Status { state.withLock { $0.status } }

    /// Serves `site`; a build that changed nothing leaves the build number as it was.
    func update(_ site: PreviewSite, changed: Set<String>) {
        state.withLock {
            $0.site = site
            $0.status.errors = []
            guard !changed.isEmpty else { return }
            $0.status.version += 1
            $0.status.history.append((version: $0.status.version, paths: changed))
            if $0.status.history.count > PreviewServer.Status.historyLimit { $0.status.history.removeFirst() }
        }
    }

    /// Serves `site`, the rest of the build just served: its changes count as that build's (data
    /// files, the search index and pages no browser had open). A page opened in between, whose
    /// file the rest changed, makes it a build of its own, so that the page hears of it.
    func amend(_ site: PreviewSite, changed: Set<String>) {
        let open = openPages
        let isNew = state.withLock {
            $0.site = site
            guard let last = $0.status.history.indices.last, changed.isDisjoint(with: open)
            else { return !changed.isEmpty }
            $0.status.history[last].paths.formUnion(changed)
            return false
        }
        if isNew { update(site, changed: changed) }
    }

    /// Records a failed build's errors; whether a good build is still served.
    func fail(_ errors: [String]) -> Bool {
        state.withLock {
            $0.status.errors = errors
            return !$0.site.isEmpty
        }
    }
}
