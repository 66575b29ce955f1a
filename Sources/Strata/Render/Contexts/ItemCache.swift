import Mustache
import Synchronization

/// Page items (the entries of every list of pages), built once per page and link prefix and shared
/// by every list that shows them. Backlinks, term pages, layer pages and the indexes list the same
/// pages over and over, and on pages with the same prefix (`../../`, or `base_url` on the 404
/// page) their links are the same.
final class ItemCache: Sendable {
    /// The item keys that render the item through a partial: the page as an entry in a list, and
    /// as a card on the landscape.
    static let partials = [(key: "html", partial: "partials/page-item"), (key: "card", partial: "partials/card")]

    /// An item's values, never changed once built, so they can be handed to any thread. They are
    /// strings, numbers, booleans, lists and maps of those, and `RenderedItem`s, which only refer
    /// back to this (Sendable) cache; `[String: Any]` cannot say so to the compiler.
    private final class Entry: @unchecked Sendable {
        let values: [String: Any]
        init(_ values: [String: Any]) { self.values = values }
    }

    /// A page's item as seen from pages whose links start with `prefix`.
    fileprivate struct Key: Hashable, Sendable {
        var prefix: String
        var page: Int
    }

    /// One of the `partials` of an item.
    fileprivate struct FragmentKey: Hashable, Sendable {
        var item: Key
        var partial: Int
    }

    private let templates: TemplateSet?
    private let entries = Mutex<[Key: Entry]>([:])
    private let fragments = Mutex<[FragmentKey: String]>([:])

    /// Without templates (tests of the values alone) items have no `html` or `card`.
    init(templates: TemplateSet?) {
        self.templates = templates
    }

    /// The item of page `index` for pages whose links start with `linkPrefix`, made by `make` the
    /// first time.
    func item(_ index: Int, linkPrefix: String, make: () -> [String: Any]) -> [String: Any] {
        let key = Key(prefix: linkPrefix, page: index)
        if let entry = entries.withLock({ $0[key] }) { return entry.values }
        var values = make()
        if templates != nil {
            let context = values
            for (offset, entry) in Self.partials.enumerated() {
                values[entry.key] = RenderedItem(
                    cache: self, key: FragmentKey(item: key, partial: offset), partial: entry.partial,
                    context: context)
            }
        }
        let entry = Entry(values)
        entries.withLock { $0[key] = entry }
        return values
    }

    /// The item rendered through one of the theme's partials, once per page and link prefix.
    fileprivate func html(_ key: FragmentKey, partial: String, context: [String: Any]) -> String {
        if let html = fragments.withLock({ $0[key] }) { return html }
        let html = templates?.render(partial, context) ?? ""
        fragments.withLock { $0[key] = html }
        return html
    }
}

/// `{{{html}}}` or `{{{card}}}` in a list: the item through its partial, rendered the first time a
/// list shows it with this link prefix. The partial sees the item's values plus `root`, `assets` and `site`.
private struct RenderedItem: MustacheCustomRenderable {
    let cache: ItemCache
    let key: ItemCache.FragmentKey
    let partial: String
    let context: [String: Any]

    var renderText: String { cache.html(key, partial: partial, context: context) }
    var isNull: Bool { false }
}
