/// The facts, relations, metrics and assessment of a project profile.
extension ContextBuilder {
    func projectContext(_ index: Int, _ base: [String: Any]) -> [String: Any] {
        let page = site.pages[index]
        guard let project = page.fields.project else { return base }
        var context = base
        context["direction"] = project.direction.map(Self.directionLabel) ?? "unknown"
        if let sector = project.sector { context["sector"] = term(.sectors, sector.value) }
        context["status"] = project.statusName
        context["token"] = Self.tokenLabel(project.token)
        // A ticker is set as code; "none" is a fact, "unknown" a gap, and the theme shows them apart.
        context["tokenClass"] =
            switch project.token {
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
                "sourceNumber": page.fields.sources.firstIndex { $0.id.value == metric.source.value }.map { $0 + 1 }
                    ?? 0,
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
    var statusName: String { status?.rawValue ?? "unknown" }
    var directionName: String { direction?.rawValue ?? "unknown" }
}
