/// Contexts for pages written in Markdown: plain pages, notes, layers, profiles and the home page.
extension ContextBuilder {
    func contentPage(_ index: Int) -> (template: String, context: [String: Any]) {
        let page = site.pages[index]
        let body = PageBody.render(index, in: resolved)
        var context = base(title: page.title, summary: page.fields.summary)
        context["content"] = body.html
        context["sources"] = body.sources
        context["hasSources"] = !body.sources.isEmpty
        context["backlinks"] = items(resolved.backlinks[index])
        context["hasBacklinks"] = !resolved.backlinks[index].isEmpty
        context["tags"] = page.fields.tags.map { term(.tags, $0.value) }
        context["layers"] = page.fields.layers.compactMap { site.layer($0.value) }.map(item)
        context["kind"] = page.kind.rawValue
        if let summary = page.fields.summary { context["summary"] = summary }
        if let date = page.fields.date { context["date"] = date.description }
        if let updated = page.updated { context["updated"] = updated.description }
        if let reviewed = page.fields.reviewed { context["reviewed"] = reviewed.value.description }
        context["stale"] = resolved.stale[index] && page.kind == .project
        if let repo = site.config.repoURL {
            let branch = site.config.repoBranch
            context["editURL"] = repo + "/edit/" + branch + "/" + page.path
            context["historyURL"] = repo + "/commits/" + branch + "/" + page.path
            context["repoURL"] = repo
            context["repoBranch"] = branch
            context["sourcePath"] = page.path
        }
        switch page.kind {
        case .home:
            context["stack"] = stackLayers()
            context["recentNotes"] = items(Array(site.notes.prefix(10)))
            context["projectCount"] = site.projects.count
            context["stats"] = stats()
            // Plain pages are reachable from the home page even when no other page links them.
            context["otherPages"] = items(site.pages.indices.filter { site.pages[$0].kind == .plain })
            return ("home", context)
        case .layer:
            context["projects"] = items(site.projectsByLayer[page.slug] ?? [])
            context["notes"] = items(site.notesByLayer[page.slug] ?? [])
            context["stack"] = stackLayers(current: page.slug, withProjects: false)
            context["sectors"] = sectorGroups(site.projectsByLayer[page.slug] ?? [])
            return ("layer", context)
        case .project:
            return ("project", projectContext(index, context))
        case .note, .plain, .sectionIntro:
            return ("page", context)
        }
    }

    /// How many projects the stack diagram names on each layer; the rest are counted in `more`.
    static let stackProjectLimit = 12

    /// The layers in order, with their projects, for the stack diagram.
    /// Projects are listed only where asked: a profile shows the layers, not every project on them.
    func stackLayers(current: String? = nil, marked: Set<String> = [], withProjects: Bool = true) -> [[String: Any]] {
        site.layers.map { layer in
            let slug = site.pages[layer].slug
            let projects = site.projectsByLayer[slug] ?? []
            let listed = withProjects ? Array(projects.prefix(Self.stackProjectLimit)) : []
            var entry = item(layer)
            entry["slug"] = slug
            entry["order"] = site.pages[layer].fields.order ?? 0
            entry["projects"] = items(listed)
            entry["count"] = projects.count
            entry["more"] = withProjects && projects.count > listed.count ? projects.count - listed.count : false
            entry["current"] = slug == current || marked.contains(slug)
            return entry
        }
    }

    /// Counts for the home page: profiles, notes, layers and profiles per verdict.
    func stats() -> [String: Any] {
        var verdicts: [String: Int] = [:]
        for index in site.projects {
            verdicts[(site.pages[index].fields.project ?? ProjectFields()).verdictName, default: 0] += 1
        }
        var stats: [String: Any] = [
            "projects": site.projects.count, "notes": site.notes.count, "layers": site.layers.count,
        ]
        for verdict in ProjectFields.verdictNames { stats[verdict] = verdicts[verdict] ?? 0 }
        return stats
    }
}
