import Foundation
import Synchronization

/// SIGINT and SIGTERM during a build: the staging folder being written is removed before the
/// process exits with 128 + the signal's number (130, 143), so an interrupted build leaves
/// nothing behind and the output folder as it was.
public enum Interruption {
    /// The staging folders this process is writing.
    private static let folders = Mutex<Set<String>>([])
    /// Set once a signal has arrived; the build then leaves the clean-up and the exit to the handler.
    private static let interrupted = Atomic<Bool>(false)
    /// The signal handler writes the signal's number here; a thread of its own does the rest,
    /// as a handler may call little more than `write`.
    private static let pipe: (read: Int32, write: Int32) = {
        var ends: [Int32] = [-1, -1]
        _ = Foundation.pipe(&ends)
        return (ends[0], ends[1])
    }()

    /// Installs the handlers for SIGINT and SIGTERM; `strata build` calls it once, first.
    public static func removeStagingOnSignal() {
        let pipe = pipe
        guard pipe.read >= 0 else { return }  // no pipe, no handler: the signals keep their default
        Thread.detachNewThread {
            var number: UInt8 = 0
            while read(pipe.read, &number, 1) != 1 {
                guard errno == EINTR else { return }
            }
            interrupted.store(true, ordering: .sequentiallyConsistent)
            // Waits for a swap under way: then the staging name holds at most the old site.
            for folder in folders.withLock({ $0 }) { removeWhileWritten(folder) }
            _exit(128 + Int32(number))
        }
        for number in [SIGINT, SIGTERM] {
            _ = signal(number) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(Interruption.pipe.write, &byte, 1)
            }
        }
        // A parent may have blocked them (a child process inherits the mask); the build must hear them.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }

    static func begin(_ staging: String) { _ = folders.withLock { $0.insert(staging) } }

    static func end(_ staging: String) {
        _ = folders.withLock { $0.remove(staging) }
        waitIfInterrupted()
    }

    /// Runs the swap so that a signal arriving meanwhile waits until it is done: the output is
    /// never left half swapped, whichever way the swap is made.
    static func swapping<Result: Sendable>(_ body: () throws(FileTree.Failure) -> Result) throws(FileTree.Failure)
        -> Result
    {
        try folders.withLock { _ throws(FileTree.Failure) in try body() }
    }

    /// After a signal the build's own failures (files vanishing under it) are not reported: this
    /// waits for the handler to finish removing the staging folder and end the process.
    static func waitIfInterrupted() {
        while interrupted.load(ordering: .sequentiallyConsistent) { sleep(1) }
    }

    /// Removes a folder that other threads may still be writing into: once its top is gone no
    /// new file can appear in it, so a few rounds finish it.
    private static func removeWhileWritten(_ folder: String) {
        var info = stat()
        for _ in 0..<100 where lstat(folder, &info) == 0 {
            FileTree.remove(folder)
        }
    }
}
