import Foundation

extension PreviewWorkspace {
    /// A save that `strata serve` can take in part: files it had read, saved again. Nil for
    /// anything else (a file added or removed, site.yml, a file that cannot be read now), which
    /// goes through every stage.
    struct Edit: Sendable {
        var pages: [SiteSource.TextFile] = []
        var templates: [SiteSource.TextFile] = []
        /// Output paths of copied files saved again: served from disk, so only their path changes.
        var copied: Set<String> = []

        init?(_ paths: Set<String>, in source: SiteSource, root: String) {
            let pages = Set(source.pages.map(\.path))
            let templates = Set(source.templates.map(\.path))
            let copies = Dictionary(source.copiedFiles.map { ($0.path, $0.outputPath) }) { first, _ in first }
            for path in paths.sorted() {
                let absolute = root + "/" + path
                var info = stat()
                let isFile = stat(absolute, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
                let known = pages.contains(path) || templates.contains(path) || copies[path] != nil
                if !known {
                    // Written and gone before the build looked (an editor's temporary file), or
                    // never read (files under templates/ other than templates and assets).
                    if !isFile && !FileManager.default.fileExists(atPath: absolute) && !Self.holdsKnown(path, source) {
                        continue
                    }
                    if isFile && path.hasPrefix("templates/") && !path.hasPrefix("templates/assets/")
                        && !path.hasSuffix(".mustache")
                    {
                        continue
                    }
                    return nil
                }
                guard isFile, path != SiteConfig.path else { return nil }
                if let output = copies[path] {
                    copied.insert(output)
                    continue
                }
                guard case .success(let text) = UTF8File.read(absolute, path: path) else { return nil }
                let file = SiteSource.TextFile(path: path, text: text)
                if pages.contains(path) { self.pages.append(file) } else { self.templates.append(file) }
            }
        }

        /// Whether a file the build read lies under `path` (a folder that went).
        private static func holdsKnown(_ path: String, _ source: SiteSource) -> Bool {
            let folder = path + "/"
            return source.pages.contains { $0.path.hasPrefix(folder) }
                || source.templates.contains { $0.path.hasPrefix(folder) }
                || source.copiedFiles.contains { $0.path.hasPrefix(folder) }
        }
    }
}
