import Synchronization

/// The files that changed since a build last took them: paths relative to the site root, or
/// "unknown" where only polling tells that something changed. Saves that come while a build runs
/// are added up, so none is lost.
final class SourceChanges: Sendable {
    private let pending = Mutex<Set<String>?>(Set())
    private let added = Mutex(0)

    /// Notes changed paths; nil when which files changed is not known.
    func add(_ paths: Set<String>?) {
        pending.withLock { current in
            guard let paths, let known = current else {
                current = nil
                return
            }
            current = known.union(paths)
        }
        added.withLock { $0 += 1 }
    }

    /// How many changes were noted so far: work for an older count is out of date once it
    /// moves, even after the change was taken.
    var count: Int { added.withLock { $0 } }

    /// Whether a change waits to be taken.
    var isWaiting: Bool { pending.withLock { $0?.isEmpty != true } }

    /// What changed since the last call (nil: not known), and starts afresh.
    func take() -> Set<String>? {
        pending.withLock { current in
            defer { current = Set() }
            return current
        }
    }
}
