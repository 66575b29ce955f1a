import StrataTemplates

/// The templates and partials a theme must have, and the views each one is rendered with.
enum ThemeTemplate: String, CaseIterable, Sendable {
    case layout, home, page, layer, project, stack, landscape, map, projects, notes, list, terms, term, scorecard, reviews, search
    case notFound = "404"
    case redirect
    case pageItem = "partials/page-item"
    case card = "partials/card"

    /// The schemas of the context stack the template is rendered with, outermost first.
    var views: [TemplateSchema] {
        switch self {
        case .layout: [Self.common, TemplateSchema.of(LayoutView.self)]
        case .home: [Self.common, Self.content, TemplateSchema.of(HomePage.self)]
        case .page: [Self.common, Self.content]
        case .layer: [Self.common, Self.content, TemplateSchema.of(LayerPage.self)]
        case .project: [Self.common, Self.content, TemplateSchema.of(ProfilePage.self)]
        case .stack: [Self.common, TemplateSchema.of(StackIndex.self)]
        case .landscape: [Self.common, TemplateSchema.of(LandscapeIndex.self)]
        case .projects: [Self.common, TemplateSchema.of(ProjectsIndex.self)]
        case .notes: [Self.common, TemplateSchema.of(NotesIndex.self)]
        case .map: [Self.common, TemplateSchema.of(MapIndex.self)]
        case .list: [Self.common, TemplateSchema.of(FolderIndex.self)]
        case .terms: [Self.common, TemplateSchema.of(TaxonomyIndex.self)]
        case .term: [Self.common, TemplateSchema.of(TermIndex.self)]
        case .scorecard: [Self.common, TemplateSchema.of(ScorecardIndex.self)]
        case .reviews: [Self.common, TemplateSchema.of(ReviewsIndex.self)]
        case .search, .notFound: [Self.common]
        case .redirect: [Self.common, TemplateSchema.of(RedirectPage.self)]
        case .pageItem, .card: [TemplateSchema.of(PageItemFields.self)]
        }
    }

    private static let common = TemplateSchema.of(CommonPage.self)
    private static let content = TemplateSchema.of(ContentPage.self)

    var path: String { "templates/\(rawValue).mustache" }
}
