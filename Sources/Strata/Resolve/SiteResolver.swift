/// The fourth stage: links, relations, backlinks, aliases and the checks that need the whole site.
enum SiteResolver {
    static func resolve(_ site: Site, copies: [SiteSource.CopiedFile]) -> (ResolvedSite, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let files = Set(copies.map(\.outputPath))
        let generated = Set(GeneratedURLs.all(for: site))
        let results = Array(site.pages.indices).parallelMap { index in
            var resolver = LinkResolver(site: site, files: files, generatedURLs: generated, pageIndex: index)
            let document = resolver.resolve(site.pages[index].document)
            return (document, resolver.linked, resolver.diagnostics.all)
        }
        var backlinks = Array(repeating: [Int](), count: site.pages.count)
        for (index, result) in results.enumerated() {
            diagnostics.append(contentsOf: result.2)
            for target in result.1 { backlinks[target].append(index) }
        }
        let (relationsOut, relationsIn) = relations(site, &diagnostics)
        var resolved = ResolvedSite(
            site: site, documents: results.map(\.0), backlinks: backlinks, relationsOut: relationsOut,
            relationsIn: relationsIn, aliases: [], stale: [])
        resolved.aliases = OutputClaims.resolve(site, copies: copies, &diagnostics)
        resolved.menu = MenuCheck.resolve(site, files: files, generated: generated, &diagnostics)
        IntroChecks.check(site, &diagnostics)
        resolved.stale = site.pages.map { PageChecks.isStale($0, site: site) }
        for index in site.pages.indices {
            PageChecks.check(index, in: site, document: resolved.documents[index], &diagnostics)
        }
        // From here on only the resolved documents are read; the parsed ones are let go.
        for index in resolved.site.pages.indices {
            resolved.site.pages[index].document = MarkdownDocument(blocks: [], footnotes: [])
        }
        return (resolved, diagnostics.all)
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
