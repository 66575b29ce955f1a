import Foundation

/// The last stage: writes the site into a staging folder beside the output and swaps it in
/// only when everything was written. A failed build leaves the output folder as it was.
enum OutputStage {
    /// Returns how many files it wrote: the rendered files and the copies (not the marker).
    @discardableResult
    static func write(_ plan: RenderPlan, copies: [SiteSource.CopiedFile], to output: String) throws(FileTree.Failure)
        -> Int
    {
        let folders = WorkFolders(output: output)
        let staging = folders.staging
        FileTree.remove(staging)  // an earlier build of this process, stopped before it ended
        // A fresh output path (`--output dist/site`) gets its missing parent folders, as `mkdir -p` would.
        try FileTree.makeFolders(folders.parent)
        Interruption.begin(staging)
        defer { Interruption.end(staging) }
        do {
            try FileTree.makeFolder(staging)
            let written = try write(plan, copies: copies, into: staging)
            try keepHiddenEntries(of: output, in: staging)
            _ = try Interruption.swapping { () throws(FileTree.Failure) in
                try OutputSwap.swap(staging, into: output, retired: folders.retired)
            }
            return written
        } catch {
            Interruption.waitIfInterrupted()
            FileTree.remove(staging)
            throw error
        }
    }

    /// Every rendered file, every copied file and the marker, into the staging folder.
    private static func write(_ plan: RenderPlan, copies: [SiteSource.CopiedFile], into staging: String)
        throws(FileTree.Failure) -> Int
    {
        let folders = FolderMaker(root: staging)
        // Each job's files are rendered and written on the same core, then dropped.
        let results = Array(0..<plan.count).parallelMap { index -> Result<Int, FileTree.Failure> in
            let files = plan.files(at: index)
            do throws(FileTree.Failure) {
                for file in files {
                    try folders.make(URLPath.folder(of: file.path))
                    try FileTree.write(file.text, to: staging + "/" + file.path)
                }
                return .success(files.count)
            } catch {
                return .failure(error)
            }
        }
        var written = copies.count
        for result in results {
            switch result {
            case .success(let count): written += count
            case .failure(let failure): throw failure
            }
        }
        for copy in copies {
            try folders.make(URLPath.folder(of: copy.outputPath))
            try FileTree.copy(copy.sourcePath, to: staging + "/" + copy.outputPath)
        }
        try FileTree.write(OutputGuard.markerText, to: staging + "/" + OutputGuard.marker)
        return written
    }

    /// Hidden entries at the top of the old output (`.gitkeep`, `.nojekyll`, `.htaccess`, a `.git`
    /// folder) are not the build's to delete: they are carried over into the new output, their
    /// files hard-linked, so a large `.git` costs no copy.
    private static func keepHiddenEntries(of output: String, in staging: String) throws(FileTree.Failure) {
        var info = stat()
        guard stat(output, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return }
        for name in try FileTree.names(in: output) where name.hasPrefix(".") && name != OutputGuard.marker {
            try FileTree.linkTree(output + "/" + name, to: staging + "/" + name)
        }
    }
}
