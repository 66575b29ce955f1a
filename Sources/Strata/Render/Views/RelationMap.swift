/// The relation map: every profile as a box in the band of its first layer, every typed relation as
/// a line from its source to its target, drawn at build time as inline SVG. Boxes are drawn as the
/// profile's relation graph draws them (`svgNode`); each relation type has its own colour and dash
/// (presentation attributes, so the stylesheet does not grow with the types of a site).
extension ViewBuilder {
    /// A band of the map: a layer and the profiles drawn in it.
    struct MapBand {
        var layer: Int
        var profiles: [Int]
    }

    /// A relation as written (source to target), with its type's place in site.yml's `relations`.
    struct MapEdge {
        var source: Int
        var target: Int
        var type: Int
        var note: String?
    }

    static let mapWidth = 960
    private static let mapBoxWidth = 144
    private static let mapGap = 12
    private static let mapColumns = 6
    private static let mapRowHeight = 64
    private static let mapBandHeader = 34

    /// Okabe and Ito's palette, told apart with most kinds of colour blindness, without its yellow,
    /// which is too pale on white; after seven types the dashes change.
    private static let mapColours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#7F7F7F"]
    private static let mapDashes = ["", "7 4", "2 3"]

    /// Colour and dash pattern of the relation type at `index`.
    static func mapStroke(_ index: Int) -> (colour: String, dash: String) {
        (mapColours[index % mapColours.count], mapDashes[(index / mapColours.count) % mapDashes.count])
    }

    /// Every relation of the site as written, in profile order.
    func mapEdges() -> [MapEdge] {
        let types = site.config.relationTypes.map(\.key)
        return site.projects.flatMap { source in
            resolved.relationsOut[source].compactMap { edge in
                types.firstIndex(of: edge.type).map { MapEdge(source: source, target: edge.page, type: $0, note: edge.note) }
            }
        }
    }

    /// The layer a profile is drawn on: the first of its layers.
    func primaryLayer(_ profile: Int) -> Int? {
        // Through the stored `parsed`: the computed `fields` would copy the whole page first.
        for layer in site.pages[profile].parsed.fields.layers {
            if let index = site.layer(layer.value) { return index }
        }
        return nil
    }

    /// The whole site's bands: each layer in order with the profiles whose first layer it is.
    func mapBands() -> [MapBand] {
        var byLayer: [Int: [Int]] = [:]
        for profile in site.projects {
            if let layer = primaryLayer(profile) { byLayer[layer, default: []].append(profile) }
        }
        return site.layers.compactMap { layer in byLayer[layer].map { MapBand(layer: layer, profiles: $0) } }
    }

    /// The drawing of `bands` with the `edges` between profiles it holds.
    func relationMap(_ bands: [MapBand], edges: [MapEdge], title: String) -> String {
        let bands = Self.ordered(bands, edges: edges)
        var centres: [Int: (x: Int, y: Int)] = [:]
        var top = 8
        var backdrop = ""
        for band in bands {
            let rows = (band.profiles.count + Self.mapColumns - 1) / Self.mapColumns
            let height = Self.mapBandHeader + rows * Self.mapRowHeight
            let layer = site.pages[band.layer]
            backdrop += """
                <rect x="4" y="\(top)" width="\(Self.mapWidth - 8)" height="\(height)" rx="8" fill="currentColor" fill-opacity=".05"/>
                <text class="graph-label" x="16" y="\(top + 22)" text-anchor="start">\(HTML.escape(layer.title))</text>

                """
            for (position, profile) in band.profiles.enumerated() {
                let row = position / Self.mapColumns
                let inRow = min(Self.mapColumns, band.profiles.count - row * Self.mapColumns)
                let rowWidth = inRow * Self.mapBoxWidth + (inRow - 1) * Self.mapGap
                let left = (Self.mapWidth - rowWidth) / 2
                let column = position % Self.mapColumns
                centres[profile] = (
                    left + column * (Self.mapBoxWidth + Self.mapGap) + Self.mapBoxWidth / 2,
                    top + Self.mapBandHeader + row * Self.mapRowHeight + 20
                )
            }
            top += height + 10
        }
        let drawn = edges.filter { centres[$0.source] != nil && centres[$0.target] != nil }
        var svg = """
            <svg class="relation-graph" viewBox="0 0 \(Self.mapWidth) \(top)" width="\(Self.mapWidth)" height="\(top)" \
            style="max-width: none; min-width: 48rem" text-anchor="middle" aria-labelledby="map-title">
            <title id="map-title">\(HTML.escape(title))</title>
            <defs>

            """
        let types = site.config.relationTypes
        for (index, type) in types.enumerated() where type.label != type.inverseLabel {
            svg += """
                <marker id="map-arrow-\(index)" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" \
                orient="auto"><path d="M0 0L10 5L0 10z" fill="\(Self.mapStroke(index).colour)"/></marker>

                """
        }
        svg += "</defs>\n" + backdrop
        for edge in drawn {
            guard let from = centres[edge.source], let to = centres[edge.target] else { continue }
            let (colour, dash) = Self.mapStroke(edge.type)
            let type = types[edge.type]
            let arrow = type.label != type.inverseLabel ? " marker-end=\"url(#map-arrow-\(edge.type))\"" : ""
            let dashes = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
            let sentence = site.pages[edge.source].title + " " + type.label.lowercased() + " " + site.pages[edge.target].title
            svg += """
                <path d="\(Self.curve(from, to))" fill="none" stroke="\(colour)" stroke-width="1.8"\(dashes)\(arrow)>\
                <title>\(HTML.escape(sentence))</title></path>

                """
        }
        for band in bands {
            for profile in band.profiles {
                guard let centre = centres[profile] else { continue }
                svg += svgNode(
                    profile, x: centre.x, y: centre.y, kind: "graph-node", description: "", width: Self.mapBoxWidth,
                    limit: 17)
            }
        }
        return svg + "</svg>"
    }

    /// Each band's profiles ordered by the mean place of their neighbours in the other bands, in
    /// one sweep down and one up (the barycentre heuristic of layered drawings), so that fewer
    /// lines cross; a profile with no neighbour elsewhere keeps its place, ties keep title order.
    static func ordered(_ bands: [MapBand], edges: [MapEdge]) -> [MapBand] {
        var bands = bands
        var neighbours: [Int: [Int]] = [:]
        for edge in edges {
            neighbours[edge.source, default: []].append(edge.target)
            neighbours[edge.target, default: []].append(edge.source)
        }
        for band in Array(bands.indices) + bands.indices.reversed() {
            var place: [Int: Double] = [:]
            for other in bands {
                for (position, profile) in other.profiles.enumerated() {
                    place[profile] = (Double(position) + 0.5) / Double(other.profiles.count)
                }
            }
            let own = Set(bands[band].profiles)
            let keys = bands[band].profiles.map { profile in
                let outside = (neighbours[profile] ?? []).filter { !own.contains($0) }.compactMap { place[$0] }
                return outside.isEmpty ? place[profile] ?? 0 : outside.reduce(0, +) / Double(outside.count)
            }
            bands[band].profiles = bands[band].profiles.indices
                .sorted { (keys[$0], $0) < (keys[$1], $1) }
                .map { bands[band].profiles[$0] }
        }
        return bands
    }

    /// A curve between two boxes: over the top within a row, else from the bottom of the upper box
    /// to the top of the lower one.
    private static func curve(_ from: (x: Int, y: Int), _ to: (x: Int, y: Int)) -> String {
        let half = 16
        if from.y == to.y {
            let lift = 18 + abs(to.x - from.x) / 8
            let y = from.y - half
            return "M\(from.x) \(y)C\(from.x) \(y - lift) \(to.x) \(y - lift) \(to.x) \(y)"
        }
        let down = to.y > from.y ? 1 : -1
        let start = from.y + down * half
        let end = to.y - down * half
        let bend = (end - start) / 2
        return "M\(from.x) \(start)C\(from.x) \(start + bend) \(to.x) \(end - bend) \(to.x) \(end)"
    }
}
