import StrataTemplates

/// A project profile, on top of its content page.
struct ProfilePage: TemplateView {
    static let templateNoun = "a project profile"
    /// The direction's label.
    var direction: String
    var sector: TermLink?
    var status: String
    var statusAsOf: AsOf?
    /// The ticker, `none` or `unknown`.
    var token: String
    var tokenAsOf: AsOf?
    /// `token` for a ticker, `no-token`, or `unknown`.
    var tokenClass: String
    var chains: [TermLink]
    var hasChains: Bool
    var launched: String?
    var links: [LinkEntry]
    var hasLinks: Bool
    var relations: [RelationGroup]
    var hasRelations: Bool
    /// An inline SVG of the project and up to 12 related pages.
    var graph: TemplateHTML?
    /// The relation map this profile is drawn on (the site's, or its first layer's on a large site).
    var mapURL: String
    var metrics: [MetricEntry]
    var hasMetrics: Bool
    /// One per rubric question.
    var assessment: [AssessmentEntry]
    var verdict: String
    /// The stack diagram with the profile's layers `current`.
    var stack: [StackLayer]
}

/// When a status or token was true, and the number of the source that says so.
struct AsOf: TemplateView {
    static let templateNoun = "a date of a fact"
    var date: String
    var sourceNumber: Int?
}

struct LinkEntry: TemplateView {
    static let templateNoun = "a link"
    var kind: String
    var url: String
}

/// Relations with one label ("Runs on"), each a page item plus its note.
struct RelationGroup: TemplateView {
    static let templateNoun = "a group of relations"
    var label: String
    var items: [ItemWith<RelationNote>]
}

struct RelationNote: TemplateView {
    static let templateNoun = "a related page"
    var note: String?
}

struct MetricEntry: TemplateView {
    static let templateNoun = "a metric"
    var name: String
    var value: String
    var asOf: String
    var source: String
    var sourceNumber: Int
}

struct AssessmentEntry: TemplateView {
    static let templateNoun = "an answer of the assessment"
    var key: String
    var question: String
    var answer: String
    var note: String?
}
