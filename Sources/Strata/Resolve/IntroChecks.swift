/// An `_index.md` is used as the intro of a list page, or it is an error saying where intros go:
/// none is left out without a word.
enum IntroChecks {
    static func check(_ site: Site, _ diagnostics: inout Diagnostics) {
        for page in site.pages where page.kind == .sectionIntro {
            if let message = problem(page, site) { diagnostics.error(message, at: page.fileStart) }
        }
    }

    /// Where an `_index.md` goes, for the messages.
    static let places =
        "an _index.md gives the title and intro of "
        + GeneratedURLs.introFolders.map { "content/\($0)/" }.joined(separator: ", ")
        + " or of a folder of pages of your own at the top of content/ (content/guides/_index.md)"

    private static func problem(_ page: Page, _ site: Site) -> String? {
        let section = page.section
        guard let top = section.split(separator: "/").first.map(String.init) else {
            return "the home page's text goes in content/index.md, not content/_index.md: rename this file"
        }
        if section != top {
            return
                "the folder content/\(section)/ has no list page of its own, so this intro would not be shown: list pages are made for folders at the top of content/; move the text into content/\(top)/_index.md or into a page"
        }
        if GeneratedURLs.introFolders.contains(top) { return nil }
        if GeneratedURLs.reservedFolders.contains(top) {
            return "the generated page /\(top)/ takes no intro: \(places)"
        }
        if !site.folders.contains(where: { $0.name == top }) {
            return
                "content/\(top)/index.md is this folder's own page, so no list page is made for this intro: move the text into index.md, or delete index.md to get a list page"
        }
        return nil
    }
}
