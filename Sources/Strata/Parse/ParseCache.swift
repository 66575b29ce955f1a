/// Parsed pages kept between builds (by `strata serve`), so a save parses only the files that
/// changed. A page is reused when its text is the same byte for byte and site.yml is too
/// (site.yml decides what the front matter may say).
struct ParseCache: Sendable {
    private struct Entry: Sendable {
        var text: String
        var page: ParsedPage?
        var diagnostics: [Diagnostic]
    }

    private var siteConfig: String?
    private var entries: [String: Entry] = [:]

    init() {}

    /// The cached result for `file`, if it was parsed with the same text and site.yml.
    func result(for file: SiteSource.TextFile) -> (ParsedPage?, [Diagnostic])? {
        guard let entry = entries[file.path], entry.text.utf8.elementsEqual(file.text.utf8) else { return nil }
        return (entry.page, entry.diagnostics)
    }

    /// The text and result last parsed for the file at `path`.
    func entry(at path: String) -> (text: String, page: ParsedPage?, diagnostics: [Diagnostic])? {
        entries[path].map { ($0.text, $0.page, $0.diagnostics) }
    }

    /// Keeps the result of one file parsed again under the same site.yml.
    mutating func store(_ file: SiteSource.TextFile, _ result: (ParsedPage?, [Diagnostic])) {
        entries[file.path] = Entry(text: file.text, page: result.0, diagnostics: result.1)
    }

    /// Keeps this build's results (only those: deleted files leave the cache) and drops them
    /// all when site.yml changed.
    mutating func update(siteConfig: String?, files: [SiteSource.TextFile], results: [(ParsedPage?, [Diagnostic])]) {
        self.siteConfig = siteConfig
        entries = [:]
        entries.reserveCapacity(files.count)
        for (file, result) in zip(files, results) {
            entries[file.path] = Entry(text: file.text, page: result.0, diagnostics: result.1)
        }
    }

    /// Whether the cached pages were parsed under this site.yml.
    func isValid(for siteConfig: String?) -> Bool { self.siteConfig == siteConfig && !entries.isEmpty }
}
