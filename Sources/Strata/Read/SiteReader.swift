import Foundation

/// The first stage: reads content/ and templates/ under a root folder into a `SiteSource`.
enum SiteReader {
    static func read(root: String) -> SiteSource {
        let git = GitHistory.start(root: root)
        var source = SiteSource()
        var walk = DirectoryWalk(root: root)
        walk.walk("content")
        walk.walk("templates")
        source.diagnostics = walk.diagnostics.all

        let markdown = walk.files.filter { $0.path.hasPrefix("content/") && $0.path.hasSuffix(".md") }
        let templates = walk.files.filter {
            $0.path.hasPrefix("templates/") && $0.path.hasSuffix(".mustache") && !$0.path.hasPrefix("templates/assets/")
        }
        let texts = (markdown + templates).parallelMap { file in
            try? String(contentsOfFile: file.absolute, encoding: .utf8)
        }
        for (file, text) in zip(markdown + templates, texts) {
            guard let text else {
                source.diagnostics.append(
                    Diagnostic(.error, "cannot read the file as UTF-8 text", at: SourceLocation(path: file.path)))
                continue
            }
            let textFile = SiteSource.TextFile(path: file.path, text: text)
            if file.path.hasPrefix("content/") {
                source.pages.append(textFile)
            } else {
                source.templates.append(textFile)
            }
        }
        for file in walk.files where !file.path.hasSuffix(".md") || !file.path.hasPrefix("content/") {
            if file.path == SiteConfig.path {
                source.siteConfig = try? String(contentsOfFile: file.absolute, encoding: .utf8)
                if source.siteConfig == nil {
                    source.diagnostics.append(
                        Diagnostic(.error, "cannot read the file as UTF-8 text", at: SourceLocation(path: file.path)))
                }
            } else if file.path.hasPrefix("content/") {
                let output = String(file.path.dropFirst("content/".count))
                source.copiedFiles.append(.init(sourcePath: file.absolute, outputPath: output, path: file.path))
            } else if file.path.hasPrefix("templates/assets/") {
                let output = "assets/" + file.path.dropFirst("templates/assets/".count)
                source.copiedFiles.append(.init(sourcePath: file.absolute, outputPath: output, path: file.path))
            }
        }
        source.commitDates = git.finish()
        return source
    }
}

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
