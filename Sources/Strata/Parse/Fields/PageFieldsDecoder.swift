/// Decodes the front matter of one page against the rules of its kind and the site's settings.
struct PageFieldsDecoder {
    let kind: PageKind
    /// `nil` when site.yml has errors: checks against sectors, relation types and the rubric are skipped.
    let config: SiteConfig?
    var decoder = FieldDecoder()

    init(kind: PageKind, config: SiteConfig?) {
        self.kind = kind
        self.config = config
    }

    /// `fileStart` is the opening `---` line; `frontMatterEnd` the closing one, where a missing key is reported
    /// (it is added above that line).
    mutating func decode(_ node: YAMLNode?, fileStart: SourceLocation, frontMatterEnd: SourceLocation) -> PageFields? {
        guard let node else {
            decoder.diagnostics.error("front matter is empty: it needs at least a title", at: fileStart)
            return nil
        }
        guard let map = decoder.map(node, "front matter") else { return nil }
        decoder.checkKeys(
            map, allowed: kind.allowedKeys, required: kind.requiredKeys, in: "the front matter of \(kind.description)",
            missingAt: frontMatterEnd)
        var fields = PageFields(title: decoder.string(map["title"], "title") ?? "")
        fields.summary = decoder.string(map["summary"], "summary")
        fields.date = decoder.day(map["date"], "date")?.value
        fields.updated = decoder.day(map["updated"], "updated")?.value
        fields.tags = decoder.slugs(map["tags"], "tags")
        fields.draft = decoder.bool(map["draft"], "draft") ?? false
        fields.aliases = decoder.strings(map["aliases"], "aliases")
        fields.layers = decoder.slugs(map["layers"], "layers")
        fields.sources = decodeSources(map["sources"])
        fields.reviewed = decoder.day(map["reviewed"], "reviewed")
        fields.order = decoder.int(map["order"], "order")
        if !fields.draft, let summary = fields.summary, summary.allSatisfy(\.isWhitespace), let node = map["summary"] {
            decoder.diagnostics.warning(
                "'summary' is empty: write one or two sentences for lists, search and link previews, or remove the key",
                at: node.location)
        }
        if kind == .project {
            if map["layers"] != nil, fields.layers.isEmpty, let node = map["layers"] {
                decoder.diagnostics.error("'layers' must name at least one layer of content/stack/", at: node.location)
            }
            fields.project = decodeProject(map)
        }
        return fields
    }

    // MARK: Sources

    private mutating func decodeSources(_ node: YAMLNode?) -> [Source] {
        var seen = Set<String>()
        return decoder.list(node, "sources").compactMap { item in
            guard let map = decoder.map(item, "a source") else { return nil }
            decoder.checkKeys(
                map, allowed: ["id", "title", "url", "author", "publisher", "published", "accessed"],
                required: ["id", "title"], in: "a source", missingAt: item.location)
            guard let id = decoder.slugOrID(map["id"], "id"), let title = decoder.string(map["title"], "title") else {
                return nil
            }
            guard seen.insert(id.value).inserted else {
                decoder.diagnostics.error("source id '\(id.value)' is listed twice", at: id.location)
                return nil
            }
            var published = decoder.string(map["published"], "published")
            if let text = published, Day(text) == nil, !Self.isYear(text), let node = map["published"] {
                decoder.diagnostics.error("'published' must be YYYY-MM-DD or YYYY, not '\(text)'", at: node.location)
                published = nil
            }
            return Source(
                id: id, title: title, url: decoder.url(map["url"], "url"),
                author: decoder.string(map["author"], "author"),
                publisher: decoder.string(map["publisher"], "publisher"), published: published,
                accessed: decoder.day(map["accessed"], "accessed")?.value, location: item.location)
        }
    }

    static func isYear(_ text: String) -> Bool { text.count == 4 && Int(text) != nil }
}

extension FieldDecoder {
    /// A source id: letters, digits and `-_.:` (as written in `[@id]`).
    mutating func slugOrID(_ node: YAMLNode?, _ key: String) -> Located<String>? {
        guard let node, let text = string(node, key) else { return nil }
        let valid =
            !text.isEmpty && text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) }
        guard valid else {
            diagnostics.error("'\(key)' must be letters, digits and - _ . : only, not '\(text)'", at: node.location)
            return nil
        }
        return Located(value: text, location: node.location)
    }
}
