import Foundation

/// The relation graph on a profile: the project in the middle, its related pages around it, each a link.
/// Drawn at build time as inline SVG named by its `<title>`; colours come from the stylesheet through
/// the class names.
extension ViewBuilder {
    /// How many neighbours the graph draws; the relations list below it names every one.
    static let graphNeighbourLimit = 12

    func relationGraph(_ index: Int) -> String? {
        var order: [Int] = []
        var labels: [Int: [String]] = [:]
        for edge in resolved.relationsOut[index] + resolved.relationsIn[index] where edge.page != index {
            if labels[edge.page] == nil { order.append(edge.page) }
            if labels[edge.page]?.contains(edge.label) != true { labels[edge.page, default: []].append(edge.label) }
        }
        guard !order.isEmpty else { return nil }
        let neighbours = order.prefix(Self.graphNeighbourLimit)

        let width = 640
        let height = neighbours.count <= 2 ? 200 : 360
        let centre = (x: width / 2, y: height / 2)
        let radius = (x: 230.0, y: Double(height) / 2 - 36)
        let title = site.pages[index].title
        var svg = """
            <svg class="relation-graph" viewBox="0 0 \(width) \(height)" text-anchor="middle">
            <title>\(HTML.escape("Relations of " + title))</title>

            """
        var nodes = ""
        for (position, neighbour) in neighbours.enumerated() {
            // Spread the neighbours evenly around an ellipse, the first one on the left.
            let angle = Double.pi + 2 * Double.pi * Double(position) / Double(neighbours.count)
            let x = centre.x + Int((radius.x * cos(angle)).rounded())
            let y = centre.y + Int((radius.y * sin(angle)).rounded())
            let label = (labels[neighbour] ?? []).joined(separator: ", ")
            svg += "<line class=\"graph-edge\" x1=\"\(centre.x)\" y1=\"\(centre.y)\" x2=\"\(x)\" y2=\"\(y)\"/>\n"
            let labelX = (centre.x + x) / 2
            let labelY = (centre.y + y) / 2 - 4
            svg += "<text class=\"graph-label\" x=\"\(labelX)\" y=\"\(labelY)\">\(HTML.escape(label))</text>\n"
            nodes += svgNode(neighbour, x: x, y: y, kind: "graph-node", description: label)
        }
        svg += nodes
        svg += svgNode(index, x: centre.x, y: centre.y, kind: "graph-node graph-centre", description: nil)
        svg += "</svg>"
        return svg
    }
}
