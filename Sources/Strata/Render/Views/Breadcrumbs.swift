import StrataTemplates

/// A step of the breadcrumb trail: a link up, or the page itself (no `url`).
struct Crumb: TemplateView {
    static let templateNoun = "a breadcrumb"
    var title: String
    var url: String?
}

/// Home › the list page the page is on › the page: `Home › Notes › A note`, and for a plain
/// page in a folder of its own `Home › Guides › A guide`.
extension ViewBuilder {
    func breadcrumbs(title: String) -> [Crumb] {
        var trail = [Crumb(title: "Home", url: href(""))]
        if let parent = parentList() { trail.append(Crumb(title: parent.title, url: href(parent.url))) }
        trail.append(Crumb(title: title, url: nil))
        return trail
    }

    /// The generated list page above the page at `url`: a content page's list, or the map above a layer's map.
    private func parentList() -> (title: String, url: String)? {
        if url != GeneratedURLs.map, url.hasPrefix(GeneratedURLs.map) {
            return (introTitle("map") ?? "Relation map", GeneratedURLs.map)
        }
        guard let index = site.page(at: url) else { return nil }
        switch site.pages[index].kind {
        case .note: return (introTitle("notes") ?? "Notes", GeneratedURLs.notes)
        case .project: return (introTitle("projects") ?? "Projects", GeneratedURLs.projects)
        case .layer: return (introTitle("stack") ?? "The stack", GeneratedURLs.stack)
        case .plain:
            return site.folder(of: index).map { (introTitle($0.name) ?? $0.fallbackTitle, $0.url) }
        case .home, .sectionIntro: return nil
        }
    }

    /// The title of `content/<section>/_index.md`, without rendering its text.
    func introTitle(_ section: String) -> String? {
        site.sectionIntros[section].map { site.pages[$0].title }
    }
}
