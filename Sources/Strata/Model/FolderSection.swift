/// A folder of pages under content/ that is not one of the site's own sections (`content/guides/`):
/// the build gives it a list page at `/guides/`, with its `_index.md` as intro.
struct FolderSection: Sendable, Equatable {
    /// The folder's name under content/ (`guides`).
    var name: String
    /// The pages in it, at any depth, newest first then by title (as the notes list).
    var pages: [Int]
    /// Its `content/<name>/_index.md`.
    var intro: Int?

    var url: String { name + "/" }

    /// `Getting started` for `getting-started`: the list page's title when no `_index.md` gives one.
    var fallbackTitle: String {
        let words = name.replacingOccurrences(of: "-", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// The folders of plain pages (and of their `_index.md`) at the top of content/, except the
    /// site's own sections and folders that hold their own `index.md` (which is the folder's page).
    /// `titles` are the pages' titles in lower case, which the lists sort by.
    static func all(in pages: [Page], titles: [String]) -> [FolderSection] {
        var byName: [String: FolderSection] = [:]
        var ownPage: Set<String> = []
        for index in pages.indices where pages[index].kind == .plain || pages[index].kind == .sectionIntro {
            let page = pages[index]
            guard let top = page.section.split(separator: "/").first.map(String.init),
                !GeneratedURLs.reservedFolders.contains(top)
            else { continue }
            if page.kind == .plain, page.url == top + "/" {
                ownPage.insert(top)
                continue
            }
            var folder = byName[top] ?? FolderSection(name: top, pages: [], intro: nil)
            if page.kind == .plain {
                folder.pages.append(index)
            } else if page.section == top {
                folder.intro = index
            }
            byName[top] = folder
        }
        return byName.keys.sorted().filter { !ownPage.contains($0) }.compactMap { name in
            guard var folder = byName[name] else { return nil }
            folder.pages.sort { SiteModel.newerFirst($0, $1, in: pages, titles: titles) }
            // A folder holding only an intro nested deeper has no list page (the intro is an error).
            return folder.pages.isEmpty && folder.intro == nil ? nil : folder
        }
    }
}
