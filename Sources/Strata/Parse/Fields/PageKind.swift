/// What a Markdown file is, from where it lies under content/ (SPEC §1).
enum PageKind: String, Sendable, Hashable {
    case home
    case layer
    case project
    case note
    /// `content/<section>/_index.md`: intro text for a generated index page.
    case sectionIntro
    case plain

    var description: String {
        switch self {
        case .home: "the home page"
        case .layer: "a stack layer"
        case .project: "a project profile"
        case .note: "a note"
        case .sectionIntro: "a section intro"
        case .plain: "a page"
        }
    }

    var allowedKeys: [String] {
        let common = ["title", "summary", "date", "updated", "tags", "draft", "aliases", "sources"]
        switch self {
        case .layer: return common + ["order", "reviewed"]
        case .note: return common + ["layers", "reviewed"]
        case .project:
            return common + [
                "layers", "direction", "sector", "status", "token", "chains", "launched", "links", "relations",
                "metrics", "assessment", "reviewed",
            ]
        case .home, .sectionIntro, .plain: return common
        }
    }

    var requiredKeys: [String] {
        switch self {
        case .layer: ["title", "order"]
        case .project: ["title", "layers", "direction"]
        default: ["title"]
        }
    }
}
