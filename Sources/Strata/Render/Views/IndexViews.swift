import StrataTemplates

/// `stack/`.
struct StackIndex: TemplateView {
    static let templateNoun = "the stack page"
    /// From `content/stack/_index.md`.
    var intro: TemplateHTML?
    var stack: [StackLayer]
    /// The relation map.
    var mapURL: String
}

/// The list page of a folder of pages of the author's own (`content/guides/` → `guides/`).
struct FolderIndex: TemplateView {
    static let templateNoun = "a folder's list page"
    /// From `content/<folder>/_index.md`.
    var intro: TemplateHTML?
    /// Its pages, newest first, then by title.
    var pages: [SharedItem]
    var hasPages: Bool
}

/// `landscape/`.
struct LandscapeIndex: TemplateView {
    static let templateNoun = "the landscape"
    var intro: TemplateHTML?
    var layers: [ItemWith<LandscapeLayer>]
    /// Profiles in all.
    var count: Int
}

struct LandscapeLayer: TemplateView {
    static let templateNoun = "a layer of the landscape"
    var slug: String
    var count: Int
    var sectors: [SectorGroup]
    var hasSectors: Bool
}

/// `projects/`: the comparison table.
struct ProjectsIndex: TemplateView {
    static let templateNoun = "the comparison table"
    var intro: TemplateHTML?
    var rows: [ItemWith<ProjectRow>]
    var count: Int
    var filters: [ProjectFilter]
}

struct ProjectRow: TemplateView {
    static let templateNoun = "a row of the comparison table"
    var slug: String
    var layers: [SharedItem]
    var layerSlugs: String
    /// `crypto-for-ai`, `ai-for-crypto`, `both`, `unknown`.
    var direction: String
    var directionLabel: String
    /// The sector slug, or empty.
    var sector: String
    var status: String
    var token: String
    /// Names, comma-separated.
    var chains: String
    var chainSlugs: String
    var verdict: String
}

/// A filter control: `name` is the URL query key and the stem of the row's `data-` attribute.
struct ProjectFilter: TemplateView {
    static let templateNoun = "a filter"
    var name: String
    var label: String
    var options: [FilterOption]
}

struct FilterOption: TemplateView {
    static let templateNoun = "a filter option"
    var value: String
    var label: String
    var count: Int
}

/// `notes/`.
struct NotesIndex: TemplateView {
    static let templateNoun = "the notes index"
    var intro: TemplateHTML?
    var notes: [SharedItem]
}

/// `tags/`, `chains/`, `sectors/`.
struct TaxonomyIndex: TemplateView {
    static let templateNoun = "a taxonomy index"
    var intro: TemplateHTML?
    var taxonomy: String
    var terms: [TermCount]
    var taxonomies: [TaxonomyTab]
}

struct TermCount: TemplateView {
    static let templateNoun = "a term"
    var name: String
    var url: String
    var count: Int
}

struct TaxonomyTab: TemplateView {
    static let templateNoun = "a taxonomy"
    var title: String
    var url: String
    var current: Bool
}

/// `tags/NAME/` and the like.
struct TermIndex: TemplateView {
    static let templateNoun = "a term page"
    var taxonomy: String
    var taxonomyURL: String
    var term: String
    var pages: [SharedItem]
}

/// `scorecard/`.
struct ScorecardIndex: TemplateView {
    static let templateNoun = "the scorecard"
    var questions: [RubricQuestion]
    var rows: [ItemWith<ScorecardRow>]
}

struct RubricQuestion: TemplateView {
    static let templateNoun = "a rubric question"
    var key: String
    var question: String
}

struct ScorecardRow: TemplateView {
    static let templateNoun = "a row of the scorecard"
    var answers: [ScorecardCell]
    var verdict: String
    /// How many yes answers.
    var yes: Int
}

struct ScorecardCell: TemplateView {
    static let templateNoun = "an answer on the scorecard"
    var answer: String
    var key: String
    var note: String?
}

/// `reviews/`.
struct ReviewsIndex: TemplateView {
    static let templateNoun = "the reviews page"
    var everyDays: Int
    var rows: [ItemWith<ReviewRow>]
    var hasRows: Bool
}

struct ReviewRow: TemplateView {
    static let templateNoun = "a profile due for review"
    /// The day, or `never`.
    var reviewed: String
}

/// An alias: a page that sends the reader on.
struct RedirectPage: TemplateView {
    static let templateNoun = "a redirect"
    /// Relative link to the page.
    var target: String
    var canonical: String?
}
