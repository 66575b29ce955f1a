/// The landscape: project cards grouped by layer and sector, overall and per layer.
extension ContextBuilder {
    func landscape() -> [String: Any] {
        var context = base(
            title: "Landscape", summary: "Every project profile as a card, grouped by layer and sector.")
        context["layers"] = site.layers.map { layer in
            let slug = site.pages[layer].slug
            let projects = site.projectsByLayer[slug] ?? []
            var entry = item(layer)
            entry["slug"] = slug
            entry["count"] = projects.count
            entry["sectors"] = sectorGroups(projects)
            return entry
        }
        context["count"] = site.projects.count
        return context
    }

    /// Projects grouped by sector: the sectors in site.yml order, then profiles without a sector as "other".
    func sectorGroups(_ projects: [Int]) -> [[String: Any]] {
        var bySector: [String: [Int]] = [:]
        for index in projects {
            bySector[site.pages[index].fields.project?.sector?.value ?? "", default: []].append(index)
        }
        var names = site.config.sectors.filter { bySector[$0] != nil }
        if bySector[""] != nil { names.append("") }
        return names.map { name in
            let cards = bySector[name] ?? []
            return [
                "name": name.isEmpty ? "other" : name,
                "url": name.isEmpty ? false : href(GeneratedURLs.Taxonomy.sectors.url(of: name)),
                "count": cards.count,
                "cards": items(cards),
            ] as [String: Any]
        }
    }
}
