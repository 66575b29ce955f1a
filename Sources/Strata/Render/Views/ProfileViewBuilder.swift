import StrataTemplates

/// The facts, relations, metrics and assessment of a project profile.
extension ViewBuilder {
    func profile(_ index: Int) -> ProfilePage {
        let page = site.pages[index]
        let project = page.fields.project ?? ProjectFields()
        let edges = resolved.relationsOut[index] + resolved.relationsIn[index]
        return ProfilePage(
            direction: project.direction.map(Self.directionLabel) ?? "unknown",
            sector: project.sector.map { term(.sectors, $0.value) }, status: project.statusName,
            statusAsOf: asOf(project.status, on: page), token: Self.tokenLabel(project.token?.value),
            tokenAsOf: asOf(project.token, on: page),
            // A ticker is set as code; "none" is a fact, "unknown" a gap, and the theme shows them apart.
            tokenClass: {
                switch project.token?.value {
                case .ticker?: "token"
                case .noToken?: "no-token"
                case nil: "unknown"
                }
            }(),
            chains: project.chains.map { term(.chains, $0.value) }, hasChains: !project.chains.isEmpty,
            launched: project.launched, links: project.links.map { LinkEntry(kind: $0.kind, url: $0.url) },
            hasLinks: !project.links.isEmpty, relations: relationGroups(edges), hasRelations: !edges.isEmpty,
            graph: relationGraph(index).map(TemplateHTML.init), mapURL: mapURL(of: index),
            metrics: project.metrics.map { metric in
                MetricEntry(
                    name: metric.name, value: metric.value, asOf: metric.asOf.description, source: metric.source.value,
                    sourceNumber: sourceNumber(metric.source.value, on: page))
            },
            hasMetrics: !project.metrics.isEmpty,
            assessment: site.config.rubric.map { question in
                let item = project.assessment?.item(question.key)
                return AssessmentEntry(
                    key: question.key, question: question.question, answer: item?.answer.rawValue ?? "unanswered",
                    note: item?.note)
            },
            verdict: project.verdictName,
            stack: stackLayers(marked: Set(page.fields.layers.map(\.value)), withProjects: false))
    }

    /// When a status or token was true and the number of the source that says so, for
    /// "as of 2026-10-01 [3]"; nil when the profile gives no date.
    private func asOf<Value>(_ dated: Dated<Value>?, on page: Page) -> AsOf? {
        guard let dated, let asOf = dated.asOf else { return nil }
        return AsOf(date: asOf.description, sourceNumber: dated.source.map { sourceNumber($0.value, on: page) })
    }

    /// A source's number in the page's source list (1-based), 0 when the page does not list it.
    private func sourceNumber(_ id: String, on page: Page) -> Int {
        page.fields.sources.firstIndex { $0.id.value == id }.map { $0 + 1 } ?? 0
    }

    /// Relations grouped by label ("Runs on", "Hosts"), in order of first appearance.
    private func relationGroups(_ edges: [RelationEdge]) -> [RelationGroup] {
        var order: [String] = []
        var groups: [String: [ItemWith<RelationNote>]] = [:]
        for edge in edges {
            if groups[edge.label] == nil { order.append(edge.label) }
            groups[edge.label, default: []].append(ItemWith(item(edge.page), RelationNote(note: edge.note)))
        }
        return order.map { RelationGroup(label: $0, items: groups[$0] ?? []) }
    }

    static func directionLabel(_ direction: ProjectFields.Direction) -> String {
        switch direction {
        case .cryptoForAI: "Crypto for AI"
        case .aiForCrypto: "AI for crypto"
        case .both: "Both ways"
        }
    }

    static func tokenLabel(_ token: ProjectFields.Token?) -> String {
        switch token {
        case .ticker(let ticker)?: ticker
        case .noToken?: "none"
        case nil: "unknown"
        }
    }
}

/// The names templates see for a profile's facts: "unknown" or "unrated" where the profile does
/// not say, the same in every row, filter, badge and count.
extension ProjectFields {
    static let verdictNames = Assessment.Verdict.allCases.map(\.rawValue) + ["unrated"]

    var verdictName: String { assessment?.verdict?.rawValue ?? "unrated" }
    var statusName: String { status?.value.rawValue ?? "unknown" }
    var directionName: String { direction?.rawValue ?? "unknown" }
}
