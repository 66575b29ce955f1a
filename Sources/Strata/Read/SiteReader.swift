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
            UTF8File.read(file.absolute, path: file.path)
        }
        for (file, result) in zip(markdown + templates, texts) {
            let text: String
            switch result {
            case .success(let value): text = value
            case .failure(let diagnostic):
                source.diagnostics.append(diagnostic)
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
                switch UTF8File.read(file.absolute, path: file.path) {
                case .success(let text): source.siteConfig = text
                case .failure(let diagnostic): source.diagnostics.append(diagnostic)
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

/// Reads a text file of the site as UTF-8 (a byte order mark is dropped), or says where it is not.
enum UTF8File {
    static func read(_ absolute: String, path: String) -> Result<String, Diagnostic> {
        guard var data = FileManager.default.contents(atPath: absolute) else {
            return .failure(Diagnostic(.error, "cannot read the file", at: SourceLocation(path: path)))
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        if let text = String(validating: data, as: UTF8.self) { return .success(text) }
        let (offset, location) = firstInvalidByte(in: data, path: path)
        let byte = String(data[data.startIndex + offset], radix: 16, uppercase: true)
        return .failure(
            Diagnostic(
                .error, "the file is not UTF-8 text: byte 0x\(byte) here is not valid UTF-8; save the file as UTF-8",
                at: location))
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, and its line and
    /// column (columns count characters, as an editor does).
    private static func firstInvalidByte(in data: Data, path: String) -> (Int, SourceLocation) {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return (offset, SourceLocation(path: path, line: line, column: column))
            case .emptyInput:
                return (0, SourceLocation(path: path))
            }
        }
    }
}
