import Foundation

/// Says when a file under `content/` or `templates/` changed: through inotify where the system
/// has it, by looking at every file's size and time otherwise.
struct SourceWatcher: Sendable {
    let root: String
    /// How often the fallback looks; inotify needs no interval.
    let pollInterval: Duration

    /// How long a burst of events may pause and still count as one change.
    static let quietMilliseconds: Int32 = 10

    var folders: [String] { ["content", "templates"].map { root + "/" + $0 } }

    /// One element per change; while a build runs at most one more waits, however many saves
    /// come, and `log` holds every path they touched. Watching starts before this returns, so a
    /// save right after is not missed.
    func changes(into log: SourceChanges) -> AsyncStream<Void> {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        #if canImport(Glibc)
            if let inotify = Inotify(folders: folders) {
                let prefix = root.hasSuffix("/") ? root : root + "/"
                let thread = Thread {
                    while let paths = inotify.next(quiet: Self.quietMilliseconds) {
                        log.add(Set(paths.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }))
                        continuation.yield()
                    }
                    continuation.finish()
                }
                thread.name = "strata-watch"
                continuation.onTermination = { _ in inotify.stop() }
                thread.start()
                return stream
            }
        #endif
        let start = SourceFingerprint(root: root)
        let poller = Task {
            var seen = start
            var wait = pollInterval
            while !Task.isCancelled {
                try? await Task.sleep(for: wait)
                let clock = ContinuousClock.now
                let now = SourceFingerprint(root: root)
                // On a site of many thousand files a look costs tens of milliseconds: wait ten
                // times as long as it took, so watching stays under a tenth of a core.
                wait = max(pollInterval, (ContinuousClock.now - clock) * 10)
                guard now != seen else { continue }
                log.add(now.paths(changedSince: seen))
                seen = now
                continuation.yield()
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in poller.cancel() }
        return stream
    }
}

/// The files under `content/` and `templates/` with their sizes and modification times: two
/// fingerprints differ when a file was added, removed or saved.
struct SourceFingerprint: Equatable, Sendable {
    private var files: [String: [Int]] = [:]

    /// The paths (relative to the root) added, removed or saved since `old`.
    func paths(changedSince old: SourceFingerprint) -> Set<String> {
        Set(Set(files.keys).union(old.files.keys).filter { files[$0] != old.files[$0] })
    }

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
