import StrataTemplates

/// The landscape: project cards grouped by layer and sector, overall and per layer.
extension ViewBuilder {
    func landscape() -> LandscapeIndex {
        LandscapeIndex(
            intro: intro("landscape").html,
            layers: site.layers.map { layer in
                let slug = site.pages[layer].slug
                let projects = site.projectsByLayer[slug] ?? []
                let sectors = sectorGroups(projects)
                return ItemWith(
                    item(layer),
                    LandscapeLayer(slug: slug, count: projects.count, sectors: sectors, hasSectors: !sectors.isEmpty))
            },
            count: site.projects.count)
    }

    /// Projects grouped by sector: the sectors in site.yml order, then profiles without a sector as "other".
    func sectorGroups(_ projects: [Int]) -> [SectorGroup] {
        var bySector: [String: [Int]] = [:]
        for index in projects {
            bySector[site.pages[index].fields.project?.sector?.value ?? "", default: []].append(index)
        }
        var names = site.config.sectors.filter { bySector[$0] != nil }
        if bySector[""] != nil { names.append("") }
        return names.map { name in
            let cards = bySector[name] ?? []
            return SectorGroup(
                name: name.isEmpty ? "other" : name,
                url: name.isEmpty ? nil : href(GeneratedURLs.Taxonomy.sectors.url(of: name)), count: cards.count,
                cards: items(cards))
        }
    }
}
