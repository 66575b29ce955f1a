import Foundation
import Synchronization

/// Creates folders under a root once each, from any thread.
final class FolderMaker: Sendable {
    private let root: String
    private let made = Mutex<Set<String>>([""])

    init(root: String) { self.root = root }

    /// Makes `folder` (relative to the root) and its parents; false when one cannot be made.
    func make(_ folder: String) -> Bool {
        if made.withLock({ $0.contains(folder) }) { return true }
        guard make(URLPath.folder(of: folder)) else { return false }
        guard mkdir(root + "/" + folder, 0o755) == 0 || errno == EEXIST else { return false }
        made.withLock { _ = $0.insert(folder) }
        return true
    }
}

/// Plain POSIX file operations: one system call per file, nothing written twice.
enum FileTree {
    static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw OutputStage.Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))")
        }
    }

    static func write(_ text: String, to path: String) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var text = text
        return text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return false }
                offset += written
            }
            return true
        }
    }

    /// Deletes a folder tree; the files of each folder are removed on all cores.
    static func remove(_ path: String) {
        guard access(path, F_OK) == 0 else { return }
        var folders: [String] = []
        var files: [String] = []
        collect(path, folders: &folders, files: &files)
        _ = files.parallelMap { unlink($0) }
        for folder in folders.reversed() { rmdir(folder) }
    }

    private static func collect(_ path: String, folders: inout [String], files: inout [String]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            files.append(path)
            return
        }
        folders.append(path)
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            collect(path + "/" + name, folders: &folders, files: &files)
        }
    }
}
