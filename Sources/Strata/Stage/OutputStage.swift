import Foundation
import Synchronization

/// The last stage: writes the site into a staging folder beside the output and swaps it in
/// only when everything was written. A failed build leaves the output folder as it was.
enum OutputStage {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ plan: RenderPlan, copies: [SiteSource.CopiedFile], to output: String) throws {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let staging = (parent as NSString).appendingPathComponent(".\(name).staging-\(getpid())")
        let retired = (parent as NSString).appendingPathComponent(".\(name).old-\(getpid())")
        FileTree.remove(staging)
        do {
            // A fresh output path (`--output dist/site`) gets its missing parent folders, as `mkdir -p` would.
            if !parent.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                } catch {
                    throw Failure(description: "cannot create \(parent): \(error.localizedDescription)")
                }
            }
            try FileTree.makeFolder(staging)
            let folders = FolderMaker(root: staging)
            // Each file is rendered and written on the same core, then dropped.
            let failures = Array(0..<plan.count).parallelMap { index -> String? in
                let file = plan.file(at: index)
                guard folders.make(URLPath.folder(of: file.path)),
                    FileTree.write(file.text, to: staging + "/" + file.path)
                else { return "\(file.path): \(String(cString: strerror(errno)))" }
                return nil
            }.compactMap { $0 }
            if let failed = failures.first { throw Failure(description: "cannot write \(failed)") }
            for copy in copies {
                guard folders.make(URLPath.folder(of: copy.outputPath)) else {
                    throw Failure(description: "cannot create the folder of \(copy.outputPath)")
                }
                try FileManager.default.copyItem(atPath: copy.sourcePath, toPath: staging + "/" + copy.outputPath)
            }
            try keepHiddenFiles(of: output, in: staging)
            try swap(staging, into: output, retired: retired)
        } catch {
            FileTree.remove(staging)
            throw error
        }
    }

    /// Hidden files at the top of the old output (`.gitkeep`, `.nojekyll`, `.htaccess`) are not the
    /// build's to delete: they are carried over into the new output.
    private static func keepHiddenFiles(of output: String, in staging: String) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []
        for name in names.sorted() where name.hasPrefix(".") {
            var info = stat()
            guard lstat(output + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            try FileManager.default.copyItem(atPath: output + "/" + name, toPath: staging + "/" + name)
        }
    }

    /// Moves the old output aside, renames the staging folder into place, then deletes the old one.
    private static func swap(_ staging: String, into output: String, retired: String) throws {
        let exists = access(output, F_OK) == 0
        if exists {
            guard rename(output, retired) == 0 else {
                throw Failure(description: "cannot move \(output) aside: \(String(cString: strerror(errno)))")
            }
        }
        guard rename(staging, output) == 0 else {
            let reason = String(cString: strerror(errno))
            if exists { _ = rename(retired, output) }
            throw Failure(description: "cannot move the new site into \(output): \(reason)")
        }
        if exists { FileTree.remove(retired) }
    }
}

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
