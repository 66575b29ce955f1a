import StrataTemplates

/// What every template is given, at the bottom of its context stack.
struct CommonPage: TemplateView {
    static let templateNoun = "a page"
    var site: SiteValues
    /// Relative link to the site root (`../../`, or `./` on the home page).
    var root: String
    var title: String
    var isHome: Bool
    var nav: [NavEntry]
    var searchURL: String
    var assets: String
    /// The page summary, else the site description.
    var description: String?
    /// Only when `base_url` is set.
    var canonical: String?
    var feedURL: String?
    /// `Strata VERSION`, for `<meta name="generator">`.
    var generator: String
    /// schema.org JSON-LD for a profile (an Organization, `sameAs` its links), safe inside `<script>`.
    var structuredData: TemplateHTML?
    /// Home, the list page above this page (if any), this page (`partials/breadcrumbs`).
    var breadcrumbs: [Crumb]
}

/// `site.title`, `site.description`, `site.language` from `content/site.yml`.
struct SiteValues: TemplateView {
    static let templateNoun = "the site"
    var title: String
    var description: String
    var language: String
}

/// An entry of the main menu.
struct NavEntry: TemplateView {
    static let templateNoun = "a menu entry"
    var title: String
    var url: String
    var current: Bool
}

/// What the layout adds on top of the common values: the page's own template output.
struct LayoutView: TemplateView {
    static let templateNoun = "the layout"
    var body: TemplateHTML
    /// The name of the page's template.
    var template: String
}

/// `name` (the slug) and `url` of a tag, chain or sector.
struct TermLink: TemplateView {
    static let templateNoun = "a term"
    var name: String
    var url: String
}
