import Foundation

/// Lists the files under a folder of the root, following only symlinks that stay inside that folder.
struct DirectoryWalk {
    struct File {
        var path: String
        var absolute: String
    }

    let root: String
    private(set) var files: [File] = []
    var diagnostics = Diagnostics()

    init(root: String) { self.root = root }

    mutating func walk(_ folder: String) {
        let top = (root as NSString).appendingPathComponent(folder)
        guard let realTop = Self.realPath(top) else { return }
        var visited: Set<String> = [realTop]
        visit(folder, absolute: top, realTop: realTop, visited: &visited)
        files.sort { $0.path < $1.path }
    }

    private mutating func visit(_ relative: String, absolute: String, realTop: String, visited: inout Set<String>) {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: absolute)) ?? []).sorted()
        for name in names {
            if name.hasPrefix(".") { continue }  // .git, .DS_Store, editor files
            let path = relative + "/" + name
            let full = absolute + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            var isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
            if (info.st_mode & S_IFMT) == S_IFLNK {
                guard let target = Self.realPath(full), target == realTop || target.hasPrefix(realTop + "/") else {
                    let top = relative.split(separator: "/").first.map(String.init) ?? relative
                    diagnostics.warning(
                        "symlink points outside \(top)/; it is not followed", at: SourceLocation(path: path))
                    continue
                }
                var targetInfo = stat()
                guard stat(full, &targetInfo) == 0 else { continue }
                isDirectory = (targetInfo.st_mode & S_IFMT) == S_IFDIR
                if isDirectory {
                    guard visited.insert(target).inserted else { continue }
                }
            }
            if isDirectory {
                visit(path, absolute: full, realTop: realTop, visited: &visited)
            } else {
                files.append(File(path: path, absolute: full))
            }
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
