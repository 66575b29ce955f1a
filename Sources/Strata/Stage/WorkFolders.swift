import Foundation

/// The folders a build keeps beside its output, named after the output folder and the process:
/// `.public.staging-PID` while the site is written, `.public.old-PID` while a plain-rename swap
/// moves the old site aside. Leftovers of a build that was killed are removed by the next one.
struct WorkFolders {
    /// The folder holding the output.
    let parent: String
    /// The output folder's own name (`public`).
    let name: String

    init(output: String) {
        parent = (output as NSString).deletingLastPathComponent
        name = (output as NSString).lastPathComponent
    }

    var staging: String { path(Self.staging, pid: getpid()) }
    var retired: String { path(Self.retired, pid: getpid()) }

    private static let staging = "staging"
    private static let retired = "old"

    private func path(_ kind: String, pid: pid_t) -> String {
        (parent as NSString).appendingPathComponent(".\(name).\(kind)-\(pid)")
    }

    /// The process a leftover belongs to, from its name (`.public.staging-4242`); nil for any
    /// other name, so nothing but these folders is ever removed.
    func owner(of entry: String) -> pid_t? {
        for kind in [Self.staging, Self.retired] {
            let prefix = ".\(name).\(kind)-"
            let digits = entry.dropFirst(prefix.count)
            guard entry.hasPrefix(prefix),
                digits.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
                let pid = pid_t(digits), pid > 0
            else { continue }
            return pid
        }
        return nil
    }

    /// Removes the staging and old folders beside the output whose process no longer runs (and
    /// this process's own, from an earlier build). A live process's folders are its to finish.
    func removeStale() {
        guard let entries = try? FileTree.names(in: parent.isEmpty ? "/" : parent) else { return }
        for entry in entries {
            guard let pid = owner(of: entry), pid == getpid() || !Self.isRunning(pid) else { continue }
            FileTree.remove((parent as NSString).appendingPathComponent(entry))
        }
    }

    /// Whether a process with this id exists (one owned by another user counts: EPERM).
    static func isRunning(_ pid: pid_t) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }
}
