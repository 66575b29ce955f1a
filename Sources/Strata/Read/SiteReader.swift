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
        if walk.folders.contains(SiteConfig.path) {
            source.diagnostics.append(
                Diagnostic(
                    .error,
                    "the site settings must be a file, but this is a folder; "
                        + "move what is in it and write the settings into a file content/site.yml",
                    at: SourceLocation(path: SiteConfig.path)))
        }

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
