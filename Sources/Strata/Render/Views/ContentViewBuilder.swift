import StrataTemplates

/// Views of pages written in Markdown: plain pages, notes, layers, profiles and the home page.
extension ViewBuilder {
    /// The page's template and its views, on top of the common values.
    func contentPage(_ index: Int) -> (template: ThemeTemplate, views: [TemplateValue]) {
        let page = site.pages[index]
        let body = body(index)
        let layers = page.fields.layers.compactMap { site.layer($0.value) }
        let repo = site.config.repoURL
        let branch = site.config.repoBranch
        let toc = page.headings.filter { (2...3).contains($0.level) }.map {
            TOCEntry(id: $0.id, text: $0.text, level: $0.level)
        }
        let content = ContentPage(
            content: TemplateHTML(body.html), sources: body.sources, hasSources: !body.sources.isEmpty,
            backlinks: items(resolved.backlinks[index]), hasBacklinks: !resolved.backlinks[index].isEmpty,
            tags: page.fields.tags.map { term(.tags, $0.value) }, hasTags: !page.fields.tags.isEmpty,
            layers: items(layers), hasLayers: !layers.isEmpty, kind: page.kind.rawValue,
            summary: page.fields.summary, date: page.fields.date?.description, updated: page.updated?.description,
            reviewed: page.fields.reviewed?.value.description, stale: resolved.stale[index] && page.kind == .project,
            editURL: repo.map { $0 + "/edit/" + branch + "/" + page.path },
            historyURL: repo.map { $0 + "/commits/" + branch + "/" + page.path }, repoURL: repo,
            repoBranch: repo.map { _ in branch }, sourcePath: repo.map { _ in page.path },
            toc: toc, hasTOC: toc.count >= 3
        ).templateValue
        switch page.kind {
        case .home:
            let others = site.plainPages
            let notes = Array(site.notes.prefix(10))
            let home = HomePage(
                stack: stackLayers(), recentNotes: items(notes), hasRecentNotes: !notes.isEmpty,
                projectCount: site.projects.count, stats: stats(), otherPages: items(others),
                hasOtherPages: !others.isEmpty)
            return (.home, [content, home.templateValue])
        case .layer:
            let projects = site.projectsByLayer[page.slug] ?? []
            let notes = site.notesByLayer[page.slug] ?? []
            let sectors = sectorGroups(projects)
            let layer = LayerPage(
                projects: items(projects), notes: items(notes), hasNotes: !notes.isEmpty,
                stack: stackLayers(current: page.slug, withProjects: false), sectors: sectors,
                hasSectors: !sectors.isEmpty)
            return (.layer, [content, layer.templateValue])
        case .project:
            return (.project, [content, profile(index).templateValue])
        case .note, .plain, .sectionIntro:
            return (.page, [content])
        }
    }

    /// How many projects the stack diagram names on each layer; the rest are counted in `more`.
    static let stackProjectLimit = 12

    /// The layers in order, with their projects, for the stack diagram.
    /// Projects are listed only where asked: a profile shows the layers, not every project on them.
    func stackLayers(current: String? = nil, marked: Set<String> = [], withProjects: Bool = true) -> [StackLayer] {
        site.layers.map { layer in
            let slug = site.pages[layer].slug
            let projects = site.projectsByLayer[slug] ?? []
            let listed = withProjects ? Array(projects.prefix(Self.stackProjectLimit)) : []
            let more = withProjects && projects.count > listed.count ? projects.count - listed.count : nil
            return StackLayer(
                item(layer),
                StackLayerFields(
                    slug: slug, order: site.pages[layer].fields.order ?? 0, projects: items(listed),
                    hasProjects: !listed.isEmpty, count: projects.count, more: more,
                    current: slug == current || marked.contains(slug)))
        }
    }

    /// Counts for the home page: profiles, notes, layers and profiles per verdict.
    func stats() -> SiteStats {
        var verdicts: [String: Int] = [:]
        for index in site.projects {
            verdicts[(site.pages[index].fields.project ?? ProjectFields()).verdictName, default: 0] += 1
        }
        return SiteStats(
            projects: site.projects.count, notes: site.notes.count, layers: site.layers.count,
            signal: verdicts[Assessment.Verdict.signal.rawValue] ?? 0,
            mixed: verdicts[Assessment.Verdict.mixed.rawValue] ?? 0,
            noise: verdicts[Assessment.Verdict.noise.rawValue] ?? 0, unrated: verdicts["unrated"] ?? 0)
    }
}
