import Mustache
import Synchronization

/// Page items (the entries of every list of pages), built once per page and link depth and shared
/// by every list that shows them. Backlinks, term pages, layer pages and the indexes list the same
/// pages over and over, and on pages at the same depth their relative links are the same.
final class ItemCache: Sendable {
    /// The partial an item's `html` renders: the page as an entry in a list.
    static let partial = "partials/page-item"

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
        if templates != nil { values["html"] = RenderedItem(cache: self, key: key, context: values) }
        let entry = Entry(values)
        entries.withLock { $0[key] = entry }
        return values
    }

    /// The item rendered through the theme's partial, once per page and depth.
    fileprivate func html(_ key: Int, context: [String: Any]) -> String {
        if let html = fragments.withLock({ $0[key] }) { return html }
        let html = templates?.render(Self.partial, context) ?? ""
        fragments.withLock { $0[key] = html }
        return html
    }
}

/// `{{{html}}}` in a list: the item through `partials/page-item`, rendered the first time a list
/// shows it at this depth. The partial sees the item's values plus `root`, `assets` and `site`.
private struct RenderedItem: MustacheCustomRenderable {
    let cache: ItemCache
    let key: Int
    let context: [String: Any]

    var renderText: String { cache.html(key, context: context) }
    var isNull: Bool { false }
}
