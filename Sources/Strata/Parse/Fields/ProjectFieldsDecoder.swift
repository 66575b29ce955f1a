extension PageFieldsDecoder {
    mutating func decodeProject(_ map: FieldDecoder.Map) -> ProjectFields {
        var project = ProjectFields()
        project.direction = decoder.oneOf(map["direction"], "direction", as: ProjectFields.Direction.self)
        project.sector = decoder.slug(map["sector"], "sector")
        if let sector = project.sector, let config, !config.sectors.contains(sector.value) {
            decoder.diagnostics.error(
                "unknown sector '\(sector.value)'; site.yml lists \(config.sectors.joined(separator: ", "))",
                at: sector.location)
        }
        project.status = dated("status", in: map) { $0.oneOf($1, "status", as: ProjectFields.Status.self) }
        project.token = dated("token", in: map, ProjectFields.Token.read)
        project.chains = decoder.slugs(map["chains"], "chains")
        if let node = map["launched"], let text = decoder.string(node, "launched") {
            if Day(text) != nil || Self.isYear(text) {
                project.launched = text
            } else {
                decoder.diagnostics.error("'launched' must be YYYY-MM-DD or YYYY, not '\(text)'", at: node.location)
            }
        }
        project.links = decodeLinks(map["links"])
        project.relations = decodeRelations(map["relations"])
        project.metrics = decodeMetrics(map["metrics"])
        if let entry = map.entries.first(where: { $0.key.value == "assessment" }) {
            project.assessment = decodeAssessment(entry.value, at: entry.key.location)
        }
        return project
    }

    private mutating func decodeLinks(_ node: YAMLNode?) -> [(kind: String, url: String)] {
        guard let node, let map = decoder.map(node, "'links'") else { return [] }
        decoder.checkKeys(map, allowed: ProjectFields.linkKinds, required: [], in: "'links'", missingAt: node.location)
        return map.entries.compactMap { entry in
            guard ProjectFields.linkKinds.contains(entry.key.value),
                let url = decoder.url(entry.value, entry.key.value)
            else { return nil }
            return (entry.key.value, url)
        }
    }

    private mutating func decodeRelations(_ node: YAMLNode?) -> [Relation] {
        decoder.list(node, "relations").compactMap { item in
            guard let map = decoder.map(item, "a relation") else { return nil }
            decoder.checkKeys(
                map, allowed: ["type", "target", "note"], required: ["type", "target"], in: "a relation",
                missingAt: item.location)
            guard let type = decoder.slug(map["type"], "type"), let target = decoder.slug(map["target"], "target")
            else {
                return nil
            }
            if let config, config.relationType(type.value) == nil {
                let known = config.relationTypes.map(\.key).joined(separator: ", ")
                decoder.diagnostics.error(
                    "unknown relation type '\(type.value)'; site.yml defines \(known)", at: type.location)
                return nil
            }
            return Relation(type: type, target: target, note: decoder.string(map["note"], "note"))
        }
    }

    private mutating func decodeMetrics(_ node: YAMLNode?) -> [Metric] {
        decoder.list(node, "metrics").compactMap { item in
            guard let map = decoder.map(item, "a metric") else { return nil }
            decoder.checkKeys(
                map, allowed: ["name", "value", "as_of", "source"], required: ["name", "value", "as_of", "source"],
                in: "a metric (every number carries its date and source)", missingAt: item.location)
            guard let name = decoder.string(map["name"], "name"), let value = decoder.string(map["value"], "value"),
                let asOf = decoder.day(map["as_of"], "as_of"), let source = decoder.slugOrID(map["source"], "source")
            else { return nil }
            return Metric(name: name, value: value, asOf: asOf.value, source: source)
        }
    }

    /// `location` is the `assessment` key's, where a question left unanswered is reported.
    private mutating func decodeAssessment(_ node: YAMLNode, at location: SourceLocation) -> Assessment? {
        guard let map = decoder.map(node, "'assessment'") else { return nil }
        var assessment = Assessment(items: [], verdict: nil, location: location)
        for entry in map.entries {
            let key = entry.key.value
            if key == "verdict" {
                assessment.verdict = decoder.oneOf(entry.value, "verdict", as: Assessment.Verdict.self)
                if assessment.verdict == nil { assessment.invalid.insert(key) }
                continue
            }
            if let config, !config.rubric.contains(where: { $0.key == key }) {
                let known = (config.rubric.map(\.key) + ["verdict"]).joined(separator: ", ")
                var message = "unknown rubric question '\(key)'"
                if let suggestion = FieldDecoder.closest(to: key, in: config.rubric.map(\.key)) {
                    message += "; did you mean '\(suggestion)'?"
                } else {
                    message += "; site.yml's rubric has \(known)"
                }
                decoder.diagnostics.error(message, at: entry.key.location)
                continue
            }
            if let item = decodeAnswer(entry.value, key: entry.key) {
                assessment.items.append(item)
            } else {
                assessment.invalid.insert(key)
            }
        }
        return assessment
    }

    private mutating func decodeAnswer(_ node: YAMLNode, key: Located<String>) -> Assessment.Item? {
        if case .scalar = node.value {
            guard let answer = decoder.oneOf(node, key.value, as: Assessment.Answer.self) else { return nil }
            if answer == .notApplicable { reportNoteMissing(key) }
            return Assessment.Item(key: key, answer: answer, note: nil, sources: [])
        }
        guard let map = decoder.map(node, "the answer to '\(key.value)'") else { return nil }
        decoder.checkKeys(
            map, allowed: ["answer", "note", "sources"], required: ["answer"], in: "the answer to '\(key.value)'",
            missingAt: node.location)
        guard let answer = decoder.oneOf(map["answer"], "answer", as: Assessment.Answer.self) else { return nil }
        let sources = decoder.list(map["sources"], "sources").compactMap { decoder.slugOrID($0, "sources") }
        let note = decoder.string(map["note"], "note")
        if answer == .notApplicable, note == nil { reportNoteMissing(key) }
        return Assessment.Item(key: key, answer: answer, note: note, sources: sources)
    }

    private mutating func reportNoteMissing(_ key: Located<String>) {
        decoder.diagnostics.error(
            "'n/a' for '\(key.value)' needs a note saying why the question does not apply; write '\(key.value): {answer: n/a, note: …}'",
            at: key.location)
    }
}
