import StrataTemplates
import Synchronization

/// Page items (the entries of every list of pages), built once per page and link prefix and shared
/// by every list that shows them. Backlinks, term pages, layer pages and the indexes list the same
/// pages over and over, and on pages with the same prefix (`../../`, or `base_url` on the 404
/// page) their links are the same.
final class ItemCache: Sendable {
    /// A page's item as seen from pages whose links start with `prefix`.
    private struct Key: Hashable, Sendable {
        var prefix: String
        var page: Int
    }

    private let templates: TemplateSet?
    private let entries = Mutex<[Key: TemplateValue]>([:])

    /// Without templates (tests of the values alone) an item's `html` and `card` are empty.
    init(templates: TemplateSet?) {
        self.templates = templates
    }

    /// The same items, less those of `pages` (whose fields changed), for the next render.
    func keeping(allBut pages: Set<Int>) -> ItemCache {
        let copy = ItemCache(templates: templates)
        let kept = entries.withLock { $0.filter { !pages.contains($0.key.page) } }
        copy.entries.withLock { $0 = kept }
        return copy
    }

    /// The item of page `index` for pages whose links start with `linkPrefix`, made by `make` and
    /// rendered through `partials/page-item` and `partials/card` (those the theme shows) the first time.
    func item(_ index: Int, linkPrefix: String, make: () -> PageItemFields) -> SharedItem {
        let key = Key(prefix: linkPrefix, page: index)
        if let value = entries.withLock({ $0[key] }) { return SharedItem(value: value) }
        let fields = make().templateValue
        let html = templates.flatMap { $0.usesItemHTML ? $0.render(.pageItem, [fields]) : nil }
        let card = templates.flatMap { $0.usesItemCard ? $0.render(.card, [fields]) : nil }
        let fragments = ItemFragments(html: TemplateHTML(html ?? ""), card: TemplateHTML(card ?? ""))
        let value = PageItem(Encoded(value: fields), fragments).templateValue
        entries.withLock { $0[key] = value }
        return SharedItem(value: value)
    }
}
