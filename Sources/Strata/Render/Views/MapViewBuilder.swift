import StrataTemplates

/// The views of the relation map pages.
extension ViewBuilder {
    /// The map of the whole site (`layer` nil) or of one layer's profiles and their neighbours.
    func relationMapPage(layer: Int?) -> MapIndex {
        let edges = mapEdges()
        let split = GeneratedURLs.mapIsSplit(site.whole)
        var bands: [MapBand] = []
        var shown = edges
        var title = ""
        if let layer {
            let own = site.projectsByLayer[site.pages[layer].slug] ?? []
            let ownSet = Set(own)
            shown = edges.filter { ownSet.contains($0.source) || ownSet.contains($0.target) }
            let neighbours = Set(shown.flatMap { [$0.source, $0.target] }).subtracting(ownSet)
            var byLayer: [Int: [Int]] = [:]
            for profile in site.projects where neighbours.contains(profile) {
                if let home = primaryLayer(profile) { byLayer[home, default: []].append(profile) }
            }
            bands = own.isEmpty ? [] : [MapBand(layer: layer, profiles: own)]
            bands += site.layers.compactMap { other in byLayer[other].map { MapBand(layer: other, profiles: $0) } }
            title =
                "Relation map of \(site.pages[layer].title): \(own.count) profiles on the layer, \(neighbours.count) related ones on others, \(shown.count) relations"
        } else if !split {
            bands = mapBands()
            title = "Relation map: \(site.projects.count) profiles and \(edges.count) relations, by layer"
        }
        let types = site.config.relationTypes
        let pages = site.pages
        let legend = types.indices.compactMap { index -> MapLegendEntry? in
            let count = shown.count { $0.type == index }
            guard count > 0 else { return nil }
            return MapLegendEntry(label: types[index].label, swatch: TemplateHTML(Self.mapSwatch(index)), count: count)
        }
        // Thousands of boxes make a drawing nobody can read (and a page of megabytes): past the
        // limit a layer's map is its list of relations.
        let boxes = bands.reduce(0) { $0 + $1.profiles.count }
        let graph = bands.isEmpty || boxes > Self.mapDrawLimit ? nil : relationMap(bands, edges: shown, title: title)
        let relations =
            bands.isEmpty
            ? []
            : types.indices.compactMap { index -> MapRelationGroup? in
                let verb = types[index].label.lowercased()
                var items: [MapRelation] = []
                for edge in shown where edge.type == index {
                    items.append(
                        MapRelation(
                            source: pages[edge.source].title, sourceURL: href(pages[edge.source].url), verb: verb,
                            target: pages[edge.target].title, targetURL: href(pages[edge.target].url), note: edge.note))
                }
                return items.isEmpty ? nil : MapRelationGroup(label: types[index].label, items: items)
            }
        return MapIndex(
            intro: layer == nil ? intro("map").html : nil, graph: graph.map(TemplateHTML.init), legend: legend,
            hasLegend: !legend.isEmpty, relations: relations, hasRelations: !relations.isEmpty, isSplit: split,
            layerMaps: split
                ? site.layers.map { other in
                    MapLayerLink(
                        title: site.pages[other].title, url: href(GeneratedURLs.map(of: site.pages[other].slug)),
                        count: site.projectsByLayer[site.pages[other].slug]?.count ?? 0, current: other == layer)
                } : [],
            profiles: bands.reduce(0) { $0 + $1.profiles.count })
    }

    /// The most profiles one map draws.
    static let mapDrawLimit = 400

    /// Where a profile's relations are drawn: the map, or its first layer's map on a split site.
    func mapURL(of profile: Int) -> String {
        guard GeneratedURLs.mapIsSplit(site.whole), let layer = primaryLayer(profile) else { return href(GeneratedURLs.map) }
        return href(GeneratedURLs.map(of: site.pages[layer].slug))
    }

    /// A sample of a relation type's line for the legend.
    static func mapSwatch(_ type: Int) -> String {
        let (colour, dash) = mapStroke(type)
        let dashes = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
        return """
            <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">\
            <line x1="1" y1="5" x2="27" y2="5" stroke="\(colour)" stroke-width="2.5"\(dashes)/></svg>
            """
    }
}
