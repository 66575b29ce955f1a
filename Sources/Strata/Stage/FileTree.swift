import Foundation
import Synchronization

/// Creates folders under a root once each, from any thread.
final class FolderMaker: Sendable {
    private let root: String
    private let made = Mutex<Set<String>>([""])

    init(root: String) { self.root = root }

    /// Makes `folder` (relative to the root) and its parents.
    func make(_ folder: String) throws(FileTree.Failure) {
        if made.withLock({ $0.contains(folder) }) { return }
        try make(URLPath.folder(of: folder))
        try FileTree.makeFolder(root + "/" + folder)
        made.withLock { _ = $0.insert(folder) }
    }
}

/// Plain POSIX file operations: one system call per file, nothing written twice. Every failure
/// is one line naming the path and the system's reason ("No space left on device").
enum FileTree {
    struct Failure: Error, CustomStringConvertible {
        var description: String

        /// `cannot write PATH: REASON`, the reason taken from `errno`.
        init(_ action: String, _ path: String, errno code: Int32 = errno) {
            description = "cannot \(action) \(path): \(String(cString: strerror(code)))"
        }
    }

    /// Makes one folder; one that is already there is fine.
    static func makeFolder(_ path: String) throws(Failure) {
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { throw Failure("create", path) }
    }

    /// Makes a folder and its missing parents, as `mkdir -p` does.
    static func makeFolders(_ path: String) throws(Failure) {
        var info = stat()
        if path.isEmpty || stat(path, &info) == 0 { return }
        try makeFolders((path as NSString).deletingLastPathComponent)
        try makeFolder(path)
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        var text = text
        try text.withUTF8 { buffer in
            Result { () throws(Failure) in try write(UnsafeRawBufferPointer(buffer), to: path, mode: 0o644) }
        }.get()
    }

    /// Copies the bytes of `source` into a new file: a symlink is copied as the file it names.
    static func copy(_ source: String, to destination: String, mode: mode_t = 0o644) throws(Failure) {
        let input = open(source, O_RDONLY)
        guard input >= 0 else { throw Failure("read", source) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard output >= 0 else { throw Failure("write", destination) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(input, &buffer, buffer.count)
            if count == 0 { break }
            guard count > 0 else {
                let code = errno
                close(output)
                throw Failure("read", source, errno: code)
            }
            do throws(Failure) {
                try buffer.withUnsafeBytes { bytes in
                    Result { () throws(Failure) in
                        try writeAll(UnsafeRawBufferPointer(rebasing: bytes[..<count]), to: output, path: destination)
                    }
                }.get()
            } catch {
                close(output)
                throw error
            }
        }
        guard close(output) == 0 else { throw Failure("write", destination) }
    }

    /// Recreates a file, a folder with everything in it, or a symlink as a symlink. Files are
    /// hard-linked, or copied where the file system cannot link them.
    static func linkTree(_ source: String, to destination: String) throws(Failure) {
        var info = stat()
        guard lstat(source, &info) == 0 else { throw Failure("read", source) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            guard mkdir(destination, info.st_mode & 0o7777) == 0 else { throw Failure("create", destination) }
            for name in try names(in: source) { try linkTree(source + "/" + name, to: destination + "/" + name) }
        case S_IFLNK:
            var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(source, &target, target.count - 1)
            guard length >= 0 else { throw Failure("read", source) }
            let text = String(decoding: target.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard symlink(text, destination) == 0 else { throw Failure("create", destination) }
        case S_IFREG:
            if link(source, destination) == 0 { return }
            try copy(source, to: destination, mode: info.st_mode & 0o7777)
        default:
            return  // a FIFO or socket is no file to publish
        }
    }

    /// The entries of a folder, without `.` and `..`, sorted.
    static func names(in folder: String) throws(Failure) -> [String] {
        guard let directory = opendir(folder) else { throw Failure("read", folder) }
        defer { closedir(directory) }
        var result: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { result.append(name) }
        }
        return result.sorted()
    }

    /// Deletes a folder tree; the files of each folder are removed on all cores.
    static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        var folders: [String] = []
        var files: [String] = []
        collect(path, folders: &folders, files: &files)
        _ = files.parallelMap { unlink($0) }
        for folder in folders.reversed() { rmdir(folder) }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode)
        guard descriptor >= 0 else { throw Failure("write", path) }
        do throws(Failure) {
            try writeAll(bytes, to: descriptor, path: path)
        } catch {
            close(descriptor)
            throw error
        }
        // A full disk on some file systems (NFS, quotas) shows only when the file is closed.
        guard close(descriptor) == 0 else { throw Failure("write", path) }
    }

    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws(Failure) {
        var offset = 0
        while offset < bytes.count {
            let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw Failure("write", path, errno: written == 0 ? EIO : errno) }
            offset += written
        }
    }

    private static func collect(_ path: String, folders: inout [String], files: inout [String]) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            files.append(path)
            return
        }
        folders.append(path)
        for name in (try? names(in: path)) ?? [] {
            collect(path + "/" + name, folders: &folders, files: &files)
        }
    }
}
