/// The landscape (project cards grouped by layer and sector) and the filters of the comparison table.
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

    /// One filter control per filterable column of the comparison table, with the values that occur.
    /// `name` is both the URL query key and the stem of the row's `data-` attribute.
    func projectFilters() -> [[String: Any]] {
        typealias Option = (value: String, label: String)
        let profiles = site.projects.map {
            (layers: site.pages[$0].fields.layers, fields: site.pages[$0].fields.project ?? ProjectFields())
        }
        func filter(
            _ name: String, _ label: String, _ options: [Option],
            _ values: ((layers: [Located<String>], fields: ProjectFields)) -> [String]
        ) -> [String: Any] {
            var counts: [String: Int] = [:]
            for profile in profiles { for value in values(profile) { counts[value, default: 0] += 1 } }
            let present = options.filter { counts[$0.value] != nil }
            return [
                "name": name, "label": label,
                "options": present.map { ["value": $0.value, "label": $0.label, "count": counts[$0.value] ?? 0] },
            ]
        }
        let unknown: [Option] = [("unknown", "unknown")]
        let layers: [Option] = site.layers.map { (site.pages[$0].slug, site.pages[$0].title) }
        let directions: [Option] = ProjectFields.Direction.allCases.map { ($0.rawValue, Self.directionLabel($0)) }
        let statuses: [Option] = ProjectFields.Status.allCases.map { ($0.rawValue, $0.rawValue) }
        let verdicts: [Option] = ProjectFields.verdictNames.map { ($0, $0) }
        return [
            filter("layer", "Layer", layers) { $0.layers.map(\.value) },
            filter("direction", "Direction", directions + unknown) { [$0.fields.directionName] },
            filter("sector", "Sector", site.config.sectors.map { ($0, $0) }) {
                $0.fields.sector.map { [$0.value] } ?? []
            },
            filter("status", "Status", statuses + unknown) { [$0.fields.statusName] },
            filter("chain", "Chain", site.chains.map { ($0.slug, $0.slug) }) { $0.fields.chains.map(\.value) },
            filter("verdict", "Verdict", verdicts) { [$0.fields.verdictName] },
        ]
    }
}
