import Testing

@testable import Strata

/// cmark-gfm's examples rendered the way a page body is: each example is the body of a page of one
/// site with `unsafe_html: true`, parsed, placed in the site model, resolved and turned into HTML by
/// the same calls `Pipeline.render` makes.
///
/// Link checking is relaxed: the examples link to pages and headings that do not exist (`/url`,
/// `foo`, `#bar`, `[[foo]]`), which a real build refuses. The resolver reports those links and leaves them as
/// written; here the report is kept with the example instead of failing the build. Any other
/// diagnostic is a failure of the example.
enum GFMRendering {
    struct Rendered: Sendable {
        var html: String
        /// Broken links and missing headings the build would have refused.
        var relaxedLinks: [Diagnostic]
        /// Anything else the build reported.
        var otherDiagnostics: [Diagnostic]
    }

    static let config = MemorySite.config + "\nunsafe_html: true"

    static func path(of example: GFMExample) -> String { "content/gfm/example-\(example.number).md" }

    /// Example number → its rendering.
    static func render(_ examples: [GFMExample]) -> [Int: Rendered] {
        var source = SiteSource()
        source.siteConfig = config
        source.pages = examples.map { example in
            SiteSource.TextFile(
                path: path(of: example), text: "---\ntitle: Example \(example.number)\n---\n" + example.markdown)
        }
        let parsed = SiteParser.parse(source)
        guard let siteConfig = parsed.config, let today = Day(testToday) else {
            Issue.record("the examples' site.yml was refused: \(parsed.diagnostics.map(\.description))")
            return [:]
        }
        let site = SiteModel.build(parsed, config: siteConfig, includeDrafts: false, commitDates: [:], today: today)
        let (resolved, resolveDiagnostics) = SiteResolver.resolve(site, copies: [])
        let byPath = Dictionary(grouping: parsed.diagnostics + resolveDiagnostics, by: \.location.path)
        var result: [Int: Rendered] = [:]
        for example in examples {
            guard let index = resolved.site.byPath[path(of: example)] else { continue }
            let diagnostics = byPath[path(of: example)] ?? []
            result[example.number] = Rendered(
                html: PageBody.render(index, in: resolved).html,
                relaxedLinks: diagnostics.filter(isUnresolvedLink),
                otherDiagnostics: diagnostics.filter { !isUnresolvedLink($0) })
        }
        return result
    }

    /// A link the resolver could not resolve, which it leaves as written (a wikilink becomes its text).
    static func isUnresolvedLink(_ diagnostic: Diagnostic) -> Bool {
        guard diagnostic.severity == .error else { return false }
        let message = diagnostic.message
        return message.hasPrefix("broken link '") || message.hasPrefix("no page named '")
            || message.contains(" has no heading '#")
            || message.hasPrefix("'#' must be followed by a heading")
    }
}
