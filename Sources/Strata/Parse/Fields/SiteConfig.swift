/// `content/site.yml`: the site's settings, sectors, relation types and rubric.
struct SiteConfig: Sendable {
    struct RelationType: Sendable, Equatable {
        var key: String
        var label: String
        /// The label seen from the target: `io-net runs-on x` shows on x as "Hosts".
        var inverseLabel: String
    }

    struct RubricQuestion: Sendable, Equatable {
        var key: String
        var question: String
    }

    var title: String
    var description: String?
    var baseURL: String?
    var repoURL: String?
    /// The branch "edit this page" and history links point at.
    var repoBranch: String = "main"
    var language: String = "en"
    var reviewEveryDays: Int = 180
    var unsafeHTML: Bool = false
    var sectors: [String] = []
    var relationTypes: [RelationType] = []
    var rubric: [RubricQuestion] = []
    /// The main menu; `nil` for the default one (`ViewBuilder.defaultMenu`).
    var menu: [MenuEntry]?

    static let path = "content/site.yml"

    func relationType(_ key: String) -> RelationType? { relationTypes.first { $0.key == key } }
}

extension SiteConfig {
    static let keys = [
        "title", "description", "base_url", "repo_url", "repo_branch", "language", "review_every_days", "unsafe_html",
        "sectors", "relations", "rubric", "menu",
    ]

    /// Decodes site.yml; returns `nil` (with diagnostics) when it cannot be used.
    static func decode(_ text: String?) -> (SiteConfig?, [Diagnostic]) {
        let start = SourceLocation(path: path)
        guard let text else {
            return (
                nil,
                [Diagnostic(.error, "missing site settings: create content/site.yml with at least a title", at: start)]
            )
        }
        let node: YAMLNode
        switch YAMLTree.parse(text, path: path, firstLine: 1) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(nil):
            return (nil, [Diagnostic(.error, "site.yml is empty: it needs at least a title", at: start)])
        case .success(let parsed?): node = parsed
        }
        var decoder = FieldDecoder()
        guard let map = decoder.map(node, "site.yml") else { return (nil, decoder.diagnostics.all) }
        decoder.checkKeys(map, allowed: keys, required: ["title"], in: "site.yml", missingAt: start)
        var config = SiteConfig(title: decoder.string(map["title"], "title") ?? "")
        config.description = decoder.string(map["description"], "description")
        config.baseURL = decoder.url(map["base_url"], "base_url").map { $0.hasSuffix("/") ? $0 : $0 + "/" }
        config.repoURL = decoder.url(map["repo_url"], "repo_url").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        config.repoBranch = decoder.string(map["repo_branch"], "repo_branch") ?? "main"
        config.language = decoder.string(map["language"], "language") ?? "en"
        if let days = decoder.int(map["review_every_days"], "review_every_days") {
            if days > 0 {
                config.reviewEveryDays = days
            } else if let node = map["review_every_days"] {
                decoder.diagnostics.error("'review_every_days' must be a positive number of days", at: node.location)
            }
        }
        config.unsafeHTML = decoder.bool(map["unsafe_html"], "unsafe_html") ?? false
        config.sectors = decoder.slugs(map["sectors"], "sectors").map(\.value)
        config.relationTypes = decodeRelationTypes(map["relations"], &decoder)
        config.rubric = decodeRubric(map["rubric"], &decoder)
        config.menu = MenuEntry.decode(map["menu"], &decoder)
        return (decoder.diagnostics.hasErrors ? nil : config, decoder.diagnostics.all)
    }

    private static func decodeRelationTypes(_ node: YAMLNode?, _ decoder: inout FieldDecoder) -> [RelationType] {
        guard let node, let map = decoder.map(node, "'relations'") else { return [] }
        return map.entries.compactMap { entry in
            guard Slug.isValid(entry.key.value) else {
                decoder.diagnostics.error("relation type '\(entry.key.value)' must be a slug", at: entry.key.location)
                return nil
            }
            let labels = decoder.strings(entry.value, entry.key.value).map(\.value)
            guard labels.count == 2 else {
                decoder.diagnostics.error(
                    "relation type '\(entry.key.value)' needs two labels: [label, label seen from the target]",
                    at: entry.value.location)
                return nil
            }
            return RelationType(key: entry.key.value, label: labels[0], inverseLabel: labels[1])
        }
    }

    private static func decodeRubric(_ node: YAMLNode?, _ decoder: inout FieldDecoder) -> [RubricQuestion] {
        guard let node, let map = decoder.map(node, "'rubric'") else { return [] }
        return map.entries.compactMap { entry in
            guard Slug.isValid(entry.key.value), entry.key.value != "verdict" else {
                decoder.diagnostics.error(
                    "rubric key '\(entry.key.value)' must be a slug other than 'verdict'", at: entry.key.location)
                return nil
            }
            guard let question = decoder.string(entry.value, entry.key.value) else { return nil }
            return RubricQuestion(key: entry.key.value, question: question)
        }
    }
}
