/// The fourth stage: links, relations, backlinks, aliases and the checks that need the whole site.
enum SiteResolver {
    static func resolve(_ site: Site, copies: [SiteSource.CopiedFile]) -> (ResolvedSite, [Diagnostic]) {
        let (resolved, parts) = resolveKeepingParts(site, copies: copies)
        return (resolved, parts.diagnostics)
    }

    /// What the stage found, by page where it concerns one page, so that `strata serve` can redo
    /// the pages a save touched and keep the rest.
    struct Parts: Sendable {
        /// Per page: the pages it links to, and what was wrong with its links.
        var linked: [Set<Int>]
        var linkDiagnostics: [[Diagnostic]]
        /// Per page: the checks of its fields and sources.
        var checkDiagnostics: [[Diagnostic]]
        /// Relations and output paths: what concerns the whole site.
        var siteDiagnostics: [Diagnostic]

        var diagnostics: [Diagnostic] {
            linkDiagnostics.flatMap { $0 } + siteDiagnostics + checkDiagnostics.flatMap { $0 }
        }
    }

    /// What the links of the site may point at besides pages: copied files and generated URLs.
    struct Targets: Sendable {
        var files: Set<String>
        var generated: Set<String>

        init(_ site: Site, copies: [SiteSource.CopiedFile]) {
            files = Set(copies.map(\.outputPath))
            generated = Set(GeneratedURLs.all(for: site))
        }
    }

    static func resolveKeepingParts(_ site: Site, copies: [SiteSource.CopiedFile]) -> (ResolvedSite, Parts) {
        let targets = Targets(site, copies: copies)
        let results = Array(site.pages.indices).parallelMap { links(of: $0, in: site, targets) }
        var backlinks = Array(repeating: [Int](), count: site.pages.count)
        for (index, result) in results.enumerated() {
            for target in result.linked { backlinks[target].append(index) }
        }
        var resolved = ResolvedSite(
            site: site, documents: results.map(\.document), backlinks: backlinks, relationsOut: [],
            relationsIn: [], aliases: [], stale: [])
        var parts = Parts(
            linked: results.map(\.linked), linkDiagnostics: results.map(\.diagnostics),
            checkDiagnostics: [], siteDiagnostics: [])
        parts.siteDiagnostics = resolveSiteWide(&resolved, copies: copies)
        parts.checkDiagnostics = site.pages.indices.map { checks(of: $0, in: resolved) }
        // From here on only the resolved documents are read; the parsed ones are let go.
        for index in resolved.site.pages.indices {
            resolved.site.pages[index].document = MarkdownDocument(blocks: [], footnotes: [])
        }
        return (resolved, parts)
    }

    /// One page's links resolved against the site.
    static func links(of index: Int, in site: Site, _ targets: Targets) -> (
        document: MarkdownDocument, linked: Set<Int>, diagnostics: [Diagnostic]
    ) {
        var resolver = LinkResolver(
            site: site, files: targets.files, generatedURLs: targets.generated, pageIndex: index)
        let document = resolver.resolve(site.pages[index].document)
        return (document, resolver.linked, resolver.diagnostics.all)
    }

    /// Relations, aliases, the menu, intros and review state: what depends on the fields of many pages. Returns the
    /// diagnostics.
    static func resolveSiteWide(_ resolved: inout ResolvedSite, copies: [SiteSource.CopiedFile]) -> [Diagnostic] {
        let site = resolved.site
        var diagnostics = Diagnostics()
        (resolved.relationsOut, resolved.relationsIn) = relations(site, &diagnostics)
        resolved.aliases = OutputClaims.resolve(site, copies: copies, &diagnostics)
        let targets = Targets(site, copies: copies)
        resolved.menu = MenuCheck.resolve(site, files: targets.files, generated: targets.generated, &diagnostics)
        IntroChecks.check(site, &diagnostics)
        resolved.stale = site.pages.map { PageChecks.isStale($0, site: site) }
        return diagnostics.all
    }

    /// The checks of one page's fields and sources, against its resolved document.
    static func checks(of index: Int, in resolved: ResolvedSite) -> [Diagnostic] {
        var diagnostics = Diagnostics()
        PageChecks.check(index, in: resolved.site, document: resolved.documents[index], &diagnostics)
        return diagnostics.all
    }

    /// Every relation as written, and its inverse on the target, in one pass.
    private static func relations(_ site: Site, _ diagnostics: inout Diagnostics) -> (
        [[RelationEdge]], [[RelationEdge]]
    ) {
        var outgoing = Array(repeating: [RelationEdge](), count: site.pages.count)
        var incoming = Array(repeating: [RelationEdge](), count: site.pages.count)
        for index in site.projects {
            let page = site.pages[index]
            for relation in page.fields.project?.relations ?? [] {
                guard let type = site.config.relationType(relation.type.value) else { continue }
                guard let target = site.project(relation.target.value) else {
                    let name = relation.target.value
                    var message =
                        site.draftNames.contains("projects/" + name)
                        ? "relation target '\(name)' is a draft, which this build leaves out; build with --drafts"
                        : "relation target '\(name)' is not a project: content/projects/\(name).md does not exist"
                    let slugs = site.projects.map { site.pages[$0].slug }
                    if !site.draftNames.contains("projects/" + name),
                        let suggestion = FieldDecoder.closest(to: name, in: slugs)
                    {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    diagnostics.error(message, at: relation.target.location)
                    continue
                }
                if target == index {
                    diagnostics.error("a project cannot be related to itself", at: relation.target.location)
                    continue
                }
                outgoing[index].append(
                    RelationEdge(type: type.key, label: type.label, page: target, note: relation.note))
                incoming[target].append(
                    RelationEdge(type: type.key, label: type.inverseLabel, page: index, note: relation.note))
            }
        }
        return (outgoing, incoming)
    }
}
