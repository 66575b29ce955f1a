/// The facts, relations, metrics and assessment of a project profile.
extension ContextBuilder {
    func projectContext(_ index: Int, _ base: [String: Any]) -> [String: Any] {
        let page = site.pages[index]
        guard let project = page.fields.project else { return base }
        var context = base
        context["direction"] = project.direction.map(Self.directionLabel) ?? "unknown"
        if let sector = project.sector { context["sector"] = term(.sectors, sector.value) }
        context["status"] = project.statusName
        context["statusAsOf"] = datedContext(project.status, on: page) ?? false
        context["token"] = Self.tokenLabel(project.token?.value)
        context["tokenAsOf"] = datedContext(project.token, on: page) ?? false
        // A ticker is set as code; "none" is a fact, "unknown" a gap, and the theme shows them apart.
        context["tokenClass"] =
            switch project.token?.value {
            case .ticker?: "token"
            case .noToken?: "no-token"
            case nil: "unknown"
            }
        context["chains"] = project.chains.map { term(.chains, $0.value) }
        context["hasChains"] = !project.chains.isEmpty
        if let launched = project.launched { context["launched"] = launched }
        context["links"] = project.links.map { ["kind": $0.kind, "url": $0.url] }
        context["hasLinks"] = !project.links.isEmpty
        context["relations"] = relationGroups(resolved.relationsOut[index] + resolved.relationsIn[index])
        context["graph"] = relationGraph(index) ?? false
        context["hasRelations"] = !(resolved.relationsOut[index].isEmpty && resolved.relationsIn[index].isEmpty)
        context["metrics"] = project.metrics.map { metric in
            [
                "name": metric.name, "value": metric.value, "asOf": metric.asOf.description,
                "source": metric.source.value,
                "sourceNumber": sourceNumber(metric.source.value, on: page),
            ]
        }
        context["hasMetrics"] = !project.metrics.isEmpty
        context["assessment"] = site.config.rubric.map { question in
            let item = project.assessment?.item(question.key)
            var entry: [String: Any] = [
                "key": question.key, "question": question.question, "answer": item?.answer.rawValue ?? "unanswered",
            ]
            if let note = item?.note { entry["note"] = note }
            return entry
        }
        context["verdict"] = project.verdictName
        context["stack"] = stackLayers(marked: Set(page.fields.layers.map(\.value)), withProjects: false)
        return context
    }

    /// When a status or token was true and the number of the source that says so, for
    /// "as of 2026-10-01 [3]"; nil when the profile gives no date.
    private func datedContext<Value>(_ dated: Dated<Value>?, on page: Page) -> [String: Any]? {
        guard let dated, let asOf = dated.asOf else { return nil }
        var context: [String: Any] = ["date": asOf.description]
        if let source = dated.source { context["sourceNumber"] = sourceNumber(source.value, on: page) }
        return context
    }

    /// A source's number in the page's source list (1-based), 0 when the page does not list it.
    private func sourceNumber(_ id: String, on page: Page) -> Int {
        page.fields.sources.firstIndex { $0.id.value == id }.map { $0 + 1 } ?? 0
    }

    /// Relations grouped by label ("Runs on", "Hosts"), in order of first appearance.
    private func relationGroups(_ edges: [RelationEdge]) -> [[String: Any]] {
        var order: [String] = []
        var groups: [String: [[String: Any]]] = [:]
        for edge in edges {
            if groups[edge.label] == nil { order.append(edge.label) }
            var entry = item(edge.page)
            if let note = edge.note { entry["note"] = note }
            groups[edge.label, default: []].append(entry)
        }
        return order.map { ["label": $0, "items": groups[$0] ?? []] }
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
