import Foundation

/// The date of each content file's last commit, from one `git log` for the whole site.
struct GitHistory {
    private let process: Process?
    private let pipe: Pipe

    /// Starts `git log` in the background; `finish()` collects its answer.
    static func start(root: String) -> GitHistory {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "git", "-C", root, "log", "--format=%x01%cs", "--name-only", "--relative", "--no-renames", "--", "content",
        ]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
            return GitHistory(process: process, pipe: pipe)
        } catch {
            return GitHistory(process: nil, pipe: pipe)
        }
    }

    /// Path → `YYYY-MM-DD` of the newest commit that touched it; empty outside a git repository.
    func finish() -> [String: String] {
        guard let process else { return [:] }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return [:] }
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// Parses `git log --format=%x01%cs --name-only` output: newest commit first, so the first date wins.
    static func parse(_ log: String) -> [String: String] {
        var dates: [String: String] = [:]
        var current = ""
        for line in log.split(separator: "\n") {
            if line.first == "\u{1}" {
                current = String(line.dropFirst())
            } else if dates[String(line)] == nil {
                dates[String(line)] = current
            }
        }
        return dates
    }
}
