/// The second stage: front matter and Markdown of every page, parsed in parallel.
struct ParsedSite: Sendable {
    var config: SiteConfig?
    var pages: [ParsedPage]
    var diagnostics: [Diagnostic]
}

enum SiteParser {
    /// With a `cache`, pages whose text and site.yml did not change since the cache was filled
    /// are taken from it, and the cache is updated with this parse.
    static func parse(_ source: SiteSource, cache: inout ParseCache?) -> ParsedSite {
        var diagnostics = source.diagnostics
        // A site.yml that could not be read has been reported; it is not also "missing".
        let configUnread =
            source.siteConfig == nil && source.diagnostics.contains { $0.location.path == SiteConfig.path }
        let (config, configDiagnostics) = configUnread ? (nil, []) : SiteConfig.decode(source.siteConfig)
        diagnostics += configDiagnostics
        let reusable = cache?.isValid(for: source.siteConfig) == true ? cache : nil
        let results = source.pages.parallelMap { file in
            reusable?.result(for: file) ?? parse(file, config: config)
        }
        cache?.update(siteConfig: source.siteConfig, files: source.pages, results: results)
        var pages: [ParsedPage] = []
        for (page, pageDiagnostics) in results {
            diagnostics += pageDiagnostics
            if let page { pages.append(page) }
        }
        return ParsedSite(config: config, pages: pages, diagnostics: diagnostics)
    }

    static func parse(_ source: SiteSource) -> ParsedSite {
        var none: ParseCache? = nil
        return parse(source, cache: &none)
    }

    static func parse(_ file: SiteSource.TextFile, config: SiteConfig?) -> (ParsedPage?, [Diagnostic]) {
        let start = SourceLocation(path: file.path)
        let placement: PagePlacement
        switch PagePlacement.of(String(file.path.dropFirst("content/".count))) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): placement = value
        }
        let text = file.text
        guard let split = FrontMatter.split(text) else {
            let message =
                text.hasPrefix("---")
                ? "front matter is not closed: end it with a line '---'"
                : "missing front matter: start the file with a line '---', then 'title: …', then '---'"
            return (nil, [Diagnostic(.error, message, at: start)])
        }
        let unsafeHTML = config?.unsafeHTML ?? false
        var decoder = PageFieldsDecoder(kind: placement.kind, config: config)
        var diagnostics: [Diagnostic] = []
        var fields: PageFields?
        let end = SourceLocation(path: file.path, line: split.bodyLineOffset)
        switch YAMLTree.parse(split.yaml, path: file.path, firstLine: FrontMatter.yamlFirstLine) {
        case .failure(let diagnostic): diagnostics.append(diagnostic)
        case .success(let node): fields = decoder.decode(node, fileStart: start, frontMatterEnd: end)
        }
        diagnostics += decoder.decoder.diagnostics.all
        let document = CmarkParser.parse(
            split.body, path: file.path, lineOffset: split.bodyLineOffset, unsafeHTML: unsafeHTML)
        if let location = document.tooDeep {
            diagnostics.append(Diagnostic(.error, MarkdownLimits.tooDeepMessage(), at: location))
        }
        if !unsafeHTML, let location = document.firstRawHTML {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "raw HTML is left out of the page; set 'unsafe_html: true' in content/site.yml to keep it",
                    at: location))
        }
        if let fields, !fields.draft, let line = NewPage.placeholderLine(in: split.body) {
            diagnostics.append(
                Diagnostic(
                    .warning,
                    "the placeholder text of 'strata new' is still here: write the page, or mark it 'draft: true' until it is ready",
                    at: SourceLocation(path: file.path, line: split.bodyLineOffset + line, column: 1)))
        }
        // A page whose front matter has errors is kept (titled by its slug if need be), so links to it
        // do not add confusing errors elsewhere; the build still fails on its own errors.
        let kept = fields ?? PageFields(title: placement.slug.isEmpty ? placement.section : placement.slug)
        let page = ParsedPage(
            path: file.path, kind: placement.kind, slug: placement.slug, section: placement.section,
            url: placement.url, fields: kept, document: document, frontMatterEnd: end,
            frontMatterFailed: fields == nil)
        return (page, diagnostics)
    }
}
