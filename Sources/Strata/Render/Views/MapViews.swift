import StrataTemplates

/// `map/` (and, on a large site, `map/<layer>/`): every profile and relation as a drawing,
/// a legend of the relation types and the relations as text.
struct MapIndex: TemplateView {
    static let templateNoun = "the relation map"
    /// From `content/map/_index.md`.
    var intro: TemplateHTML?
    /// The SVG drawing; absent on the overview of a site with one map per layer.
    var graph: TemplateHTML?
    var legend: [MapLegendEntry]
    var hasLegend: Bool
    /// The relations drawn, by type, as sentences.
    var relations: [MapRelationGroup]
    var hasRelations: Bool
    /// True when the site has more than 150 profiles: one map per layer, listed in `layerMaps`.
    var isSplit: Bool
    var layerMaps: [MapLayerLink]
    /// Profiles drawn.
    var profiles: Int
}

/// A relation type in the legend: its label, a sample of its line and how many relations it has.
struct MapLegendEntry: TemplateView {
    static let templateNoun = "a relation type of the legend"
    var label: String
    /// A short SVG line in the type's colour and dash, hidden from screen readers.
    var swatch: TemplateHTML
    var count: Int
}

struct MapRelationGroup: TemplateView {
    static let templateNoun = "a relation type of the map"
    var label: String
    var items: [MapRelation]
}

/// "io.net runs on Akash": one relation as written.
struct MapRelation: TemplateView {
    static let templateNoun = "a relation of the map"
    var source: String
    var sourceURL: String
    /// The type's label in lower case ("runs on").
    var verb: String
    var target: String
    var targetURL: String
    var note: String?
}

/// A layer's own map, on a site split into one map per layer.
struct MapLayerLink: TemplateView {
    static let templateNoun = "a layer's map"
    var title: String
    var url: String
    /// Profiles on the layer.
    var count: Int
    var current: Bool
}
