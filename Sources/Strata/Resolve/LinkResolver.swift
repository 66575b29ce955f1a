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

    private var page: Page { site.pages[pageIndex] }

    init(site: Site, files: Set<String>, generatedURLs: Set<String>, pageIndex: Int) {
        self.site = site
        self.files = files
        self.generatedURLs = generatedURLs
        self.pageIndex = pageIndex
    }

    mutating func resolve(_ document: MarkdownDocument) -> MarkdownDocument {
        MarkdownDocument(
            blocks: document.blocks.map { resolve($0) },
            footnotes: document.footnotes.map { Footnote(label: $0.label, blocks: $0.blocks.map { resolve($0) }) },
            tooDeep: document.tooDeep)
    }

    private mutating func resolve(_ block: Block) -> Block {
        switch block {
        case .paragraph(let inlines): .paragraph(resolve(inlines))
        case .heading(let level, let id, let inlines, let location):
            .heading(level: level, id: id, content: resolve(inlines), location: location)
        case .blockQuote(let blocks): .blockQuote(blocks.map { resolve($0) })
        case .list(let ordered, let start, let tight, let items):
            .list(
                ordered: ordered, start: start, tight: tight,
                items: items.map { ListItem(task: $0.task, blocks: $0.blocks.map { resolve($0) }) })
        case .table(let table):
            .table(
                Table(
                    alignments: table.alignments, header: table.header.map { resolve($0) },
                    rows: table.rows.map { $0.map { resolve($0) } }))
        case .codeBlock, .html, .thematicBreak: block
        }
    }

    /// A link or image to a refused scheme (`RefusedScheme`) is replaced by its text, with a warning.
    private mutating func resolve(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        for inline in inlines {
            switch inline {
            case .link(let target, let children), .image(let target, let children):
                let isImage = if case .image = inline { true } else { false }
                if let scheme = RefusedScheme.of(target.destination, isImage: isImage) {
                    diagnostics.warning(RefusedScheme.message(scheme, isImage: isImage), at: target.location)
                    result += isImage ? [.text(children.plainText)] : resolve(children)
                    continue
                }
            default: break
            }
            result.append(resolve(inline))
        }
        return result
    }

    private mutating func resolve(_ inline: Inline) -> Inline {
        switch inline {
        case .emphasis(let children): return .emphasis(resolve(children))
        case .strong(let children): return .strong(resolve(children))
        case .strikethrough(let children): return .strikethrough(resolve(children))
        case .link(let target, let children): return .link(resolveLink(target), resolve(children))
        case .image(let target, let children): return .image(resolveLink(target), children)
        case .wikilink(let target, let label, let location):
            guard let (index, fragment) = resolveWikilink(target, at: location) else { return .text(label ?? target) }
            let destination = href(to: site.pages[index].url, fragment: fragment)
            let text = label ?? defaultLabel(site.pages[index], fragment: fragment)
            return .link(LinkTarget(destination: destination, title: "", location: location), [.text(text)])
        case .citation(let citations):
            let known = Set(page.fields.sources.map(\.id.value))
            for citation in citations where !page.frontMatterFailed && !known.contains(citation.id) {
                diagnostics.error(unknownSourceMessage(citation.id), at: citation.location)
            }
            return inline
        default: return inline
        }
    }

    func unknownSourceMessage(_ id: String) -> String {
        let known = page.fields.sources.map(\.id.value)
        if known.isEmpty { return "unknown source '\(id)': this page lists no sources; add it under 'sources'" }
        return "unknown source '\(id)'; this page's sources are \(known.joined(separator: ", "))"
    }

    // MARK: Wikilinks

    private mutating func resolveWikilink(_ target: String, at location: SourceLocation) -> (Int, String?)? {
        let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let name = String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil
        let index: Int
        if name.isEmpty {
            index = pageIndex
        } else if name.contains("/") {
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
    private func defaultLabel(_ target: Page, fragment: String?) -> String {
        guard let fragment, let heading = target.headings.first(where: { $0.id == fragment }) else {
            return target.title
        }
        return target.path == page.path ? heading.text : target.title + " › " + heading.text
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
        let target = site.pages[index]
        if target.headings.contains(where: { $0.id == fragment }) { return true }
        let known = target.headings.map(\.id)
        let list = known.isEmpty ? "it has no headings" : "its headings are " + known.joined(separator: ", ")
        if fragment.isEmpty {
            diagnostics.error("'#' must be followed by a heading of \(target.path); \(list)", at: location)
        } else {
            if let renamed = target.headings.first(where: { Slug.make(from: $0.text) == fragment }) {
                diagnostics.error(
                    "\(target.path) has no heading '#\(fragment)': heading ids follow GitHub's rules now, and '\(renamed.text)' is '#\(renamed.id)'",
                    at: location)
            } else {
                diagnostics.error("\(target.path) has no heading '#\(fragment)'; \(list)", at: location)
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
        let base = pathPart.hasPrefix("/") ? "" : URLPath.folder(of: String(page.path.dropFirst("content/".count)))
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
            resolved.destination = href(to: site.pages[index].url, fragment: fragment)
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
        var result = url == page.url && fragment != nil ? "" : URLPath.relative(from: page.url, to: url)
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
