/// What an output was made from: the parts of the resolved site a render read. `strata serve`
/// keeps them per output, so after a save only the outputs that read what changed are rendered
/// again (`PreviewWorkspace`).
enum RenderInput: Hashable, Sendable {
    /// A page's front matter, title, URL, headings and dates: what lists and links show of it.
    case page(Int)
    /// A page's resolved Markdown.
    case body(Int)
    case backlinks(Int)
    /// The relations a profile has, both ways.
    case relations(Int)
    /// Whether a profile's review is overdue.
    case stale(Int)
    /// A list of pages in its order (the projects, a layer's notes, a taxonomy's terms…).
    case list(SiteList)
    /// A template file (`templates/page.mustache`).
    case template(String)
    /// Every page's fields, relations and review state, and every list (the data files).
    case everyPageField
    /// Every page and everything about it (the search index).
    case everything

    /// Whether this is part of the site's content (not of its theme), which `everything` reads.
    var isContent: Bool {
        if case .template = self { return false }
        return true
    }

    /// Whether a change of this input changes what `everyPageField` reads.
    var isField: Bool {
        switch self {
        case .body, .backlinks, .template: false
        default: true
        }
    }
}

/// The lists of the site model that views read whole.
enum SiteList: Hashable, Sendable {
    case projects, notes, layers, plainPages, sectionIntros
    /// The folders of pages with a list page, and their pages in order.
    case folders
    case layerProjects(String)
    case layerNotes(String)
    case terms(GeneratedURLs.Taxonomy)

    /// Whether the list is the same, in the same order, in two models of the site.
    func isSame(in old: Site, as new: Site) -> Bool {
        switch self {
        case .projects: old.projects == new.projects
        case .notes: old.notes == new.notes
        case .layers: old.layers == new.layers
        case .plainPages: old.plainPages == new.plainPages
        case .sectionIntros: old.sectionIntros == new.sectionIntros
        case .folders: old.folders == new.folders
        case .layerProjects(let slug): old.projectsByLayer[slug] == new.projectsByLayer[slug]
        case .layerNotes(let slug): old.notesByLayer[slug] == new.notesByLayer[slug]
        case .terms(let taxonomy): taxonomy.terms(in: old) == taxonomy.terms(in: new)
        }
    }
}

/// The inputs one render read. One per output page, used by one thread.
final class ReadLog {
    private(set) var inputs = Set<RenderInput>()

    func insert(_ input: RenderInput) { inputs.insert(input) }
}

extension Site {
    /// Plain pages (neither home, layer, profile, note nor intro), in path order.
    var plainPages: [Int] { pages.indices.filter { pages[$0].kind == .plain } }
}
