/// Rewrites the links of one page: wikilinks and `.md` links become relative URLs, and every
/// internal link is checked against the pages, headings and files of the site.
struct LinkResolver {
    let site: Site
    /// Output paths of copied files (`assets/site.css`, `projects/logo.png`).
    let files: Set<String>
    /// URLs the build generates beside the pages (`projects/`, `tags/`…).
    let generatedURLs: Set<String>
    let pageIndex: Int
    var diagnostics = Diagnostics()
    /// Pages this page links to.
    var linked = Set<Int>()

    /// What the resolver reads of its own page, taken out once: reading `site.pages[pageIndex]`
    /// for each link would copy the whole page.
    private let pageURL: String
    private let pagePath: String
    private let sourceIDs: [String]
    private let checksCitations: Bool

    init(site: Site, files: Set<String>, generatedURLs: Set<String>, pageIndex: Int) {
        self.site = site
        self.files = files
        self.generatedURLs = generatedURLs
        self.pageIndex = pageIndex
        pageURL = site.pages[pageIndex].parsed.url
        pagePath = site.pages[pageIndex].parsed.path
        sourceIDs = site.pages[pageIndex].parsed.fields.sources.map(\.id.value)
        checksCitations = !site.pages[pageIndex].parsed.frontMatterFailed
    }

    /// The document with its links rewritten. Only the blocks and inlines that hold a link are
    /// rebuilt; the rest are the parsed document's own arrays, shared.
    mutating func resolve(_ document: MarkdownDocument) -> MarkdownDocument {
        var result = document
        if let blocks = resolve(document.blocks) { result.blocks = blocks }
        for (offset, footnote) in document.footnotes.enumerated() {
            if let blocks = resolve(footnote.blocks) { result.footnotes[offset].blocks = blocks }
        }
        return result
    }

    /// `nil` when no block changes.
    private mutating func resolve(_ blocks: [Block]) -> [Block]? {
        var result: [Block]?
        for (offset, block) in blocks.enumerated() {
            if let changed = resolve(block) {
                if result == nil { result = Array(blocks[..<offset]) }
                result?.append(changed)
            } else {
                result?.append(block)
            }
        }
        return result
    }

    /// `nil` when the block holds no link.
    private mutating func resolve(_ block: Block) -> Block? {
        switch block {
        case .paragraph(let inlines): return resolve(inlines).map { .paragraph($0) }
        case .heading(let level, let id, let inlines, let location):
            return resolve(inlines).map { .heading(level: level, id: id, content: $0, location: location) }
        case .blockQuote(let blocks): return resolve(blocks).map { .blockQuote($0) }
        case .list(let ordered, let start, let tight, let items):
            var changed = false
            var resolved = items
            for (offset, item) in items.enumerated() {
                guard let blocks = resolve(item.blocks) else { continue }
                resolved[offset].blocks = blocks
                changed = true
            }
            return changed ? .list(ordered: ordered, start: start, tight: tight, items: resolved) : nil
        case .table(let table):
            var changed = false
            var resolved = table
            for (column, cell) in table.header.enumerated() {
                guard let cell = resolve(cell) else { continue }
                resolved.header[column] = cell
                changed = true
            }
            for (row, cells) in table.rows.enumerated() {
                for (column, cell) in cells.enumerated() {
                    guard let cell = resolve(cell) else { continue }
                    resolved.rows[row][column] = cell
                    changed = true
                }
            }
            return changed ? .table(resolved) : nil
        case .codeBlock, .html, .thematicBreak: return nil
        }
    }

    /// A link or image to a refused scheme (`RefusedScheme`) is replaced by its text, with a warning.
    /// `nil` when no inline changes.
    private mutating func resolve(_ inlines: [Inline]) -> [Inline]? {
        var result: [Inline]?
        for (offset, inline) in inlines.enumerated() {
            var replacement: [Inline]?
            switch inline {
            case .link(let target, let children), .image(let target, let children):
                let isImage = if case .image = inline { true } else { false }
                if let scheme = RefusedScheme.of(target.destination, isImage: isImage) {
                    diagnostics.warning(RefusedScheme.message(scheme, isImage: isImage), at: target.location)
                    replacement = isImage ? [.text(children.plainText)] : resolve(children) ?? children
                }
            default: break
            }
            if replacement == nil, let changed = resolve(inline) { replacement = [changed] }
            if let replacement {
                if result == nil { result = Array(inlines[..<offset]) }
                result?.append(contentsOf: replacement)
            } else {
                result?.append(inline)
            }
        }
        return result
    }

    /// `nil` when the inline holds no link.
    private mutating func resolve(_ inline: Inline) -> Inline? {
        switch inline {
        case .emphasis(let children): return resolve(children).map { .emphasis($0) }
        case .strong(let children): return resolve(children).map { .strong($0) }
        case .strikethrough(let children): return resolve(children).map { .strikethrough($0) }
        case .link(let target, let children): return .link(resolveLink(target), resolve(children) ?? children)
        case .image(let target, let children): return .image(resolveLink(target), children)
        case .wikilink(let target, let label, let location):
            guard let (index, fragment) = resolveWikilink(target, at: location) else { return .text(label ?? target) }
            let destination = href(to: site.pages[index].parsed.url, fragment: fragment)
            let text = label ?? defaultLabel(index, fragment: fragment)
            return .link(LinkTarget(destination: destination, title: "", location: location), [.text(text)])
        case .citation(let citations):
            for citation in citations where checksCitations && !sourceIDs.contains(citation.id) {
                diagnostics.error(unknownSourceMessage(citation.id), at: citation.location)
            }
            return nil
        default: return nil
        }
    }

    func unknownSourceMessage(_ id: String) -> String {
        let known = sourceIDs
        if known.isEmpty { return "unknown source '\(id)': this page lists no sources; add it under 'sources'" }
        return "unknown source '\(id)'; this page's sources are \(known.joined(separator: ", "))"
    }

    // MARK: Wikilinks

    private mutating func resolveWikilink(_ target: String, at location: SourceLocation) -> (Int, String?)? {
        let hash = target.utf8.firstIndex(of: UInt8(ascii: "#"))
        let name = hash.map { String(target[..<$0]) } ?? target
        let fragment = hash.map { String(target[target.utf8.index(after: $0)...]) }
        let index: Int
        if name.isEmpty {
            index = pageIndex
        } else if ByteSearch.contains(UInt8(ascii: "/"), in: name) {
            guard let found = site.byQualifiedName[name] ?? site.byQualifiedName[name.lowercased()] else {
                diagnostics.error(missingPageMessage(name), at: location)
                return nil
            }
            index = found
        } else {
            // As Obsidian and Quartz users write them: the slug in any case, or the title exactly.
            let candidates = site.bySlug[name] ?? site.bySlug[name.lowercased()] ?? site.byTitle[name] ?? []
            guard candidates.count == 1, let found = candidates.first else {
                if candidates.isEmpty {
                    diagnostics.error(missingPageMessage(name), at: location)
                } else {
                    let options = candidates.map { "[[\(site.pages[$0].qualifiedName)]]" }.joined(separator: " or ")
                    let paths = candidates.map { site.pages[$0].path }.joined(separator: " and ")
                    diagnostics.error(
                        "'[[\(name)]]' names pages in two sections (\(paths)); write \(options)", at: location)
                }
                return nil
            }
            index = found
        }
        if let fragment, !checkHeading(fragment, on: index, at: location) { return nil }
        if index != pageIndex { linked.insert(index) }
        return (index, fragment)
    }

    /// The target's title, and for `[[page#heading]]` the heading's text after it ("Title › Heading").
    private func defaultLabel(_ target: Int, fragment: String?) -> String {
        let title = site.pages[target].parsed.fields.title
        guard let fragment, let heading = site.pages[target].headings.first(where: { $0.id == fragment }) else {
            return title
        }
        return target == pageIndex ? heading.text : title + " › " + heading.text
    }

    private func missingPageMessage(_ name: String) -> String {
        if site.draftNames.contains(name) {
            return "'[[\(name)]]' links to a draft, which this build leaves out; build with --drafts or remove the link"
        }
        var message = "no page named '\(name)' for the link '[[\(name)]]'"
        let names = Array(site.byQualifiedName.keys) + Array(site.bySlug.keys)
        if let suggestion = FieldDecoder.closest(to: name, in: names.sorted()) {
            message += "; did you mean '[[\(suggestion)]]'?"
        }
        return message
    }

    private mutating func checkHeading(_ fragment: String, on index: Int, at location: SourceLocation) -> Bool {
        let headings = site.pages[index].headings
        if headings.contains(where: { $0.id == fragment }) { return true }
        let path = site.pages[index].parsed.path
        let known = headings.map(\.id)
        let list = known.isEmpty ? "it has no headings" : "its headings are " + known.joined(separator: ", ")
        if fragment.isEmpty {
            diagnostics.error("'#' must be followed by a heading of \(path); \(list)", at: location)
        } else {
            if let renamed = headings.first(where: { Slug.make(from: $0.text) == fragment }) {
                diagnostics.error(
                    "\(path) has no heading '#\(fragment)': heading ids follow GitHub's rules now, and '\(renamed.text)' is '#\(renamed.id)'",
                    at: location)
            } else {
                diagnostics.error("\(path) has no heading '#\(fragment)'; \(list)", at: location)
            }
        }
        return false
    }

    // MARK: Markdown links

    private mutating func resolveLink(_ target: LinkTarget) -> LinkTarget {
        let destination = target.destination
        if destination.isEmpty || URLPath.isExternal(destination) { return target }
        if destination.hasPrefix("#") {
            let fragment = String(destination.dropFirst())
            if !Self.isPageAnchor(fragment) { _ = checkHeading(fragment, on: pageIndex, at: target.location) }
            return target
        }
        var pathPart = destination
        var fragment: String?
        if let hash = destination.firstIndex(of: "#") {
            fragment = String(destination[destination.index(after: hash)...])
            pathPart = String(destination[..<hash])
        }
        if let query = pathPart.firstIndex(of: "?") { pathPart = String(pathPart[..<query]) }
        pathPart = pathPart.removingPercentEncodingIfPossible
        let base = pathPart.hasPrefix("/") ? "" : URLPath.folder(of: String(pagePath.dropFirst("content/".count)))
        guard let normalized = URLPath.normalize(base + "/" + pathPart) else {
            diagnostics.error("link '\(destination)' climbs above the site root", at: target.location)
            return target
        }
        var resolved = target
        if normalized.hasSuffix(".md") {
            let path = "content/" + normalized
            guard let index = site.byPath[path] else {
                let message =
                    site.draftNames.contains(path)
                    ? "link '\(destination)' points to a draft, which this build leaves out; build with --drafts or remove the link"
                    : "broken link '\(destination)': \(path) does not exist"
                diagnostics.error(message, at: target.location)
                return target
            }
            if let fragment, !checkHeading(fragment, on: index, at: target.location) { return target }
            if index != pageIndex { linked.insert(index) }
            resolved.destination = href(to: site.pages[index].parsed.url, fragment: fragment)
            return resolved
        }
        let asFolder = normalized.isEmpty ? "" : normalized + "/"
        if files.contains(normalized) {
            resolved.destination = href(to: normalized, fragment: fragment)
        } else if let index = pageIndex(at: asFolder) {
            if index != pageIndex { linked.insert(index) }
            resolved.destination = href(to: asFolder, fragment: fragment)
        } else if generatedURLs.contains(asFolder) || asFolder.isEmpty {
            resolved.destination = href(to: asFolder, fragment: fragment)
        } else if generatedURLs.contains(normalized) {
            resolved.destination = href(to: normalized, fragment: fragment)
        } else {
            diagnostics.error(
                "broken link '\(destination)': no page or file at content/\(normalized)", at: target.location)
        }
        return resolved
    }

    /// Anchors that are not headings: the ones the build writes on every page (sources, citations,
    /// footnotes), and `#` and `#top`, which go to the top of the page in every browser.
    static func isPageAnchor(_ fragment: String) -> Bool {
        ["", "top", "main", "sources-heading", "backlinks-heading"].contains(fragment)
            || ["source-", "cite-", "fn-", "fnref-"].contains { fragment.hasPrefix($0) }
    }

    private func pageIndex(at url: String) -> Int? {
        site.byURL[url]
    }

    private func href(to url: String, fragment: String?) -> String {
        var result = url == pageURL && fragment != nil ? "" : URLPath.relative(from: pageURL, to: url)
        if let fragment { result += "#" + fragment }
        return result
    }
}

extension String {
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = Array(utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "%"), iterator.count >= 2,
                let value = UInt8(String(decoding: iterator.prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
