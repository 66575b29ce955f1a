/// One Markdown file after the parse stage: where it goes, its front matter and its body.
struct ParsedPage: Sendable {
    /// Path relative to the site root, e.g. `content/projects/io-net.md`.
    var path: String
    var kind: PageKind
    /// The file name without `.md` (the folder name for `_index.md` and `index.md`).
    var slug: String
    /// The section folder under content/ (`projects`, `notes`, ...); empty at the top.
    var section: String
    /// The page's URL path relative to the site root, ending in `/` (empty for the home page).
    var url: String
    var fields: PageFields
    var document: MarkdownDocument
    /// The closing `---` line, where a missing key is reported.
    var frontMatterEnd: SourceLocation
    /// The front matter could not be read as YAML: the page is kept (so links to it resolve)
    /// with its slug for a title, and the checks that need its fields are not run, so the one
    /// YAML error is the only one.
    var frontMatterFailed = false

    var fileStart: SourceLocation { SourceLocation(path: path) }
}

/// Where a Markdown file belongs, from its path under content/.
struct PagePlacement: Sendable, Equatable {
    var kind: PageKind
    var slug: String
    var section: String
    var url: String

    /// `relative` is the path under content/, e.g. `projects/io-net.md`.
    /// Returns a message when a folder or file name is not a slug.
    static func of(_ relative: String) -> Result<PagePlacement, Diagnostic> {
        var components = relative.split(separator: "/").map(String.init)
        let file = components.removeLast()
        let name = String(file.dropLast(3))
        let path = "content/" + relative
        for folder in components where !Slug.isValid(folder) {
            return .failure(
                Diagnostic(
                    .error, "folder name '\(folder)' is not a slug: use lowercase letters, digits and single hyphens",
                    at: SourceLocation(path: path)))
        }
        let folders = components.joined(separator: "/")
        let folderURL = folders.isEmpty ? "" : folders + "/"
        if name == "_index" {
            return .success(
                PagePlacement(kind: .sectionIntro, slug: components.last ?? "", section: folders, url: folderURL))
        }
        guard Slug.isValid(name) else {
            let suggestion = Slug.make(from: name)
            var message = "file name '\(file)' is not a slug: use lowercase letters, digits and single hyphens"
            if !suggestion.isEmpty, Slug.isValid(suggestion) { message += " (rename it to '\(suggestion).md')" }
            return .failure(Diagnostic(.error, message, at: SourceLocation(path: path)))
        }
        if components.isEmpty && name == "index" {
            return .success(PagePlacement(kind: .home, slug: "", section: "", url: ""))
        }
        if name == "index" {
            return .success(PagePlacement(kind: .plain, slug: components.last ?? "", section: folders, url: folderURL))
        }
        let kind: PageKind =
            switch (components.count, components.first) {
            case (1, "stack"): .layer
            case (1, "projects"): .project
            case (1, "notes"): .note
            default: .plain
            }
        return .success(PagePlacement(kind: kind, slug: name, section: folders, url: folderURL + name + "/"))
    }
}
