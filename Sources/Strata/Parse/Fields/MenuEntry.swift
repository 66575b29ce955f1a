/// An entry of the main menu from site.yml's `menu:`: the link's text and where it goes.
struct MenuEntry: Sendable, Equatable {
    var title: String
    /// As written: a path of the site (`/notes/`) or an http(s) URL; checked against the site
    /// in the resolve stage (`MenuCheck`).
    var url: Located<String>
    /// The entry's place in site.yml, where a problem with it is reported.
    var location: SourceLocation

    var isExternal: Bool { url.value.hasPrefix("https://") || url.value.hasPrefix("http://") }

    static let keys = ["title", "url"]

    /// The entries of `menu:`, each with a title and a url; `nil` when site.yml has no menu.
    static func decode(_ node: YAMLNode?, _ decoder: inout FieldDecoder) -> [MenuEntry]? {
        guard let node else { return nil }
        return decoder.list(node, "menu").compactMap { item in
            guard let map = decoder.map(item, "a menu entry") else { return nil }
            decoder.checkKeys(map, allowed: keys, required: [], in: "a menu entry", missingAt: item.location)
            let title = decoder.string(map["title"], "title")
            let url = map["url"].flatMap { node in decoder.string(node, "url").map { Located(value: $0, location: node.location) } }
            if map["title"] == nil {
                decoder.diagnostics.error(
                    "this menu entry has no 'title': add the text of the link, like 'title: Notes'", at: item.location)
            }
            if map["url"] == nil {
                let name = title.map { "menu entry '\($0)'" } ?? "this menu entry"
                decoder.diagnostics.error(
                    "\(name) has no 'url': add a page of the site, like 'url: /notes/', or an http(s) URL",
                    at: item.location)
            }
            guard let title, let url else { return nil }
            return MenuEntry(title: title, url: url, location: item.location)
        }
    }
}
