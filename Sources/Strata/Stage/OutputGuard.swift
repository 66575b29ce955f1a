import Foundation

/// Whether a folder may be the output. The build replaces its output folder whole, so it refuses
/// one that holds the sources, one that is a file, and one holding files it did not write.
enum OutputGuard {
    /// Written at the top of every output: a folder holding it was written by a build.
    static let marker = ".strata-output"
    static let markerText = "This folder is written by strata build and replaced whole on every build.\n"

    /// Files every build writes: a folder holding them all is the output of a build from before
    /// the marker existed.
    static let alwaysWritten = ["404.html", "robots.txt", "search/index.js", "api/projects.json"]

    /// Nil when `output` may be written; otherwise one line saying why not and what to do instead.
    static func refusal(output: String, root: String) -> String? {
        let suggestion = (root as NSString).appendingPathComponent("public")
        let real = resolved(output)
        let sources: [(String, String)] = [
            ("the site root", root), ("content/", root + "/content"), ("templates/", root + "/templates"),
        ]
        for (name, path) in sources {
            guard let source = DirectoryWalk.realPath(path) else { continue }
            let relation: String
            if real == source {
                relation = "it is \(name)"
            } else if source.hasPrefix(real == "/" ? "/" : real + "/") {
                relation = "it contains \(name)"
            } else if name != "the site root", real.hasPrefix(source + "/") {
                relation = "it is inside \(name), which the build reads"
            } else {
                continue
            }
            let fix =
                real == DirectoryWalk.realPath(suggestion)
                ? "pass --output with a folder outside the site's sources"
                : "pass --output with a folder of its own, such as \(suggestion)"
            return "refusing to build into \(output): \(relation), and a build replaces its output folder whole; \(fix)"
        }
        var info = stat()
        guard stat(output, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return
                "refusing to build into \(output): it is a file, not a folder; remove it or pass --output with another folder"
        }
        let names: [String]
        do {
            names = try FileTree.names(in: output)
        } catch {
            return "refusing to build into \(output): \(error.description)"
        }
        // Hidden entries (`.git`, `.nojekyll`) are carried over into each new output, so only the others are at stake.
        guard let first = names.first(where: { !$0.hasPrefix(".") }) else { return nil }
        if names.contains(marker) || alwaysWritten.allSatisfy({ access(output + "/" + $0, F_OK) == 0 }) { return nil }
        return
            "refusing to build into \(output): it holds files a build did not write (such as '\(first)'), and a build replaces its output folder whole; empty or remove the folder, or pass --output with a new one"
    }

    /// The real path of `path` even when it does not exist yet: the real path of its deepest
    /// existing folder, with the missing names after it.
    static func resolved(_ path: String) -> String {
        var missing: [String] = []
        var existing = BuildOptions.absolute(path)
        while DirectoryWalk.realPath(existing) == nil, existing != "/", !existing.isEmpty {
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        let base = DirectoryWalk.realPath(existing) ?? existing
        return missing.reduce(base) { ($0 as NSString).appendingPathComponent($1) }
    }
}
