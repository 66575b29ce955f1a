import Foundation

/// The last stage: writes the site into a staging folder beside the output and swaps it in
/// only when everything was written. A failed build leaves the output folder as it was.
enum OutputStage {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ files: [OutputFile], copies: [SiteSource.CopiedFile], to output: String) throws {
        let manager = FileManager.default
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        let staging = (parent as NSString).appendingPathComponent(".\(name).staging-\(getpid())")
        let retired = (parent as NSString).appendingPathComponent(".\(name).old-\(getpid())")
        try? manager.removeItem(atPath: staging)
        do {
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: true)
            let folders = Set((files.map(\.path) + copies.map(\.outputPath)).map { URLPath.folder(of: $0) })
            for folder in folders.sorted() where !folder.isEmpty {
                try manager.createDirectory(atPath: staging + "/" + folder, withIntermediateDirectories: true)
            }
            let failures = files.parallelMap { file -> String? in
                let data = Data(file.text.utf8)
                return manager.createFile(atPath: staging + "/" + file.path, contents: data) ? nil : file.path
            }.compactMap { $0 }
            if let failed = failures.first { throw Failure(description: "cannot write \(failed) in \(staging)") }
            for copy in copies {
                try manager.copyItem(atPath: copy.sourcePath, toPath: staging + "/" + copy.outputPath)
            }
            try swap(staging, into: output, retired: retired)
        } catch {
            try? manager.removeItem(atPath: staging)
            throw error
        }
    }

    /// Moves the old output aside, renames the staging folder into place, then deletes the old one.
    private static func swap(_ staging: String, into output: String, retired: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: output, isDirectory: &isDirectory)
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
        if exists { try? manager.removeItem(atPath: retired) }
    }
}
