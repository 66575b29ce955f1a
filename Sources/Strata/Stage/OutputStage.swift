import Foundation

/// The last stage: writes the site into a staging folder beside the output and swaps it in
/// only when everything was written. A failed build leaves the output folder as it was.
enum OutputStage {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Returns how many files it wrote, copies included.
    @discardableResult
    static func write(_ plan: RenderPlan, copies: [SiteSource.CopiedFile], to output: String) throws -> Int {
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
            // Each job's files are rendered and written on the same core, then dropped.
            let results = Array(0..<plan.count).parallelMap { index -> (written: Int, failure: String?) in
                let files = plan.files(at: index)
                for file in files {
                    guard folders.make(URLPath.folder(of: file.path)),
                        FileTree.write(file.text, to: staging + "/" + file.path)
                    else { return (0, "\(file.path): \(String(cString: strerror(errno)))") }
                }
                return (files.count, nil)
            }
            if let failed = results.lazy.compactMap(\.failure).first {
                throw Failure(description: "cannot write \(failed)")
            }
            for copy in copies {
                guard folders.make(URLPath.folder(of: copy.outputPath)) else {
                    throw Failure(description: "cannot create the folder of \(copy.outputPath)")
                }
                try FileManager.default.copyItem(atPath: copy.sourcePath, toPath: staging + "/" + copy.outputPath)
            }
            try keepHiddenFiles(of: output, in: staging)
            try swap(staging, into: output, retired: retired)
            return results.reduce(copies.count) { $0 + $1.written }
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
