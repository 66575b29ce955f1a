import Mustache
import Synchronization

/// Page items (the entries of every list of pages), built once per page and link depth and shared
/// by every list that shows them. Backlinks, term pages, layer pages and the indexes list the same
/// pages over and over, and on pages at the same depth their relative links are the same.
final class ItemCache: Sendable {
    /// The item keys that render the item through a partial: the page as an entry in a list, and
    /// as a card on the landscape.
    static let partials = [(key: "html", partial: "partials/page-item"), (key: "card", partial: "partials/card")]

    /// An item's values, never changed once built, so they can be handed to any thread.
    private final class Entry: @unchecked Sendable {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
    }

    private let templates: TemplateSet?
    private let pageCount: Int
    private let entries = Mutex<[Int: Entry]>([:])
    private let fragments = Mutex<[Int: String]>([:])

    init(templates: TemplateSet?, pageCount: Int) {
        self.templates = templates
        self.pageCount = pageCount
    }

    /// The item of page `index` for pages `depth` folders deep, made by `make` the first time.
    func item(_ index: Int, depth: Int, make: () -> [String: Any]) -> [String: Any] {
        let key = depth * pageCount + index
        if let entry = entries.withLock({ $0[key] }) { return entry.values }
        var values = make()
        if templates != nil {
            let context = values
            for (offset, entry) in Self.partials.enumerated() {
                values[entry.key] = RenderedItem(
                    cache: self, key: key * Self.partials.count + offset, partial: entry.partial, context: context)
            }
        }
        let entry = Entry(values)
        entries.withLock { $0[key] = entry }
        return values
    }

    /// The item rendered through one of the theme's partials, once per page and depth.
    fileprivate func html(_ key: Int, partial: String, context: [String: Any]) -> String {
        if let html = fragments.withLock({ $0[key] }) { return html }
        let html = templates?.render(partial, context) ?? ""
        fragments.withLock { $0[key] = html }
        return html
    }
}

/// `{{{html}}}` or `{{{card}}}` in a list: the item through its partial, rendered the first time a
/// list shows it at this depth. The partial sees the item's values plus `root`, `assets` and `site`.
private struct RenderedItem: MustacheCustomRenderable {
    let cache: ItemCache
    let key: Int
    let partial: String
    let context: [String: Any]

    var renderText: String { cache.html(key, partial: partial, context: context) }
    var isNull: Bool { false }
}
