/// `api/projects.json` and `api/projects.csv`: the profiles as data.
enum ProjectsExport {
    /// Nil when `stop`, asked every few profiles, says to stop (as `SearchIndex.build`).
    static func json(_ resolved: ResolvedSite, stop: () -> Bool = { false }) -> String? {
        let site = resolved.site
        var projects: [JSONValue] = []
        projects.reserveCapacity(site.projects.count)
        for (count, index) in site.projects.enumerated() {
            if count % SiteRenderer.pagesBetweenStops == 0 && stop() { return nil }
            let page = site.pages[index]
            let project = page.fields.project ?? ProjectFields()
            var fields: [(String, JSONValue)] = [
                ("slug", .string(page.slug)),
                ("title", .string(page.title)),
                ("url", .string(page.url)),
            ]
            func add(_ key: String, _ value: String?) { if let value { fields.append((key, .string(value))) } }
            func list(_ key: String, _ values: [String]) { fields.append((key, .array(values.map(JSONValue.string)))) }
            add("summary", page.fields.summary)
            list("layers", page.fields.layers.map(\.value))
            add("direction", project.direction?.rawValue)
            add("sector", project.sector?.value)
            add("status", project.status?.value.rawValue)
            add("status_as_of", project.status?.asOf?.description)
            switch project.token?.value {
            case .ticker(let ticker)?: fields.append(("token", .string(ticker)))
            case .noToken?: fields.append(("token", .null))
            case nil: break
            }
            add("token_as_of", project.token?.asOf?.description)
            list("chains", project.chains.map(\.value))
            add("launched", project.launched)
            fields.append(("links", .object(project.links.map { ($0.kind, .string($0.url)) })))
            fields.append(
                (
                    "relations",
                    .array(
                        resolved.relationsOut[index].map { edge in
                            var relation: [(String, JSONValue)] = [
                                ("type", .string(edge.type)), ("target", .string(site.pages[edge.page].slug)),
                            ]
                            if let note = edge.note { relation.append(("note", .string(note))) }
                            return .object(relation)
                        })
                ))
            fields.append(
                (
                    "metrics",
                    .array(
                        project.metrics.map { metric in
                            .object([
                                ("name", .string(metric.name)), ("value", .string(metric.value)),
                                ("as_of", .string(metric.asOf.description)), ("source", .string(metric.source.value)),
                            ])
                        })
                ))
            var assessment: [(String, JSONValue)] = site.config.rubric.map { question in
                (question.key, .string(project.assessment?.item(question.key)?.answer.rawValue ?? "unanswered"))
            }
            assessment.append(("verdict", project.assessment?.verdict.map { .string($0.rawValue) } ?? .null))
            fields.append(("assessment", .object(assessment)))
            add("reviewed", page.fields.reviewed?.value.description)
            add("updated", page.updated?.description)
            fields.append(
                (
                    "sources",
                    .array(
                        page.fields.sources.map { source in
                            var entry: [(String, JSONValue)] = [
                                ("id", .string(source.id.value)), ("title", .string(source.title)),
                            ]
                            if let url = source.url { entry.append(("url", .string(url))) }
                            if let publisher = source.publisher { entry.append(("publisher", .string(publisher))) }
                            if let published = source.published { entry.append(("published", .string(published))) }
                            if let accessed = source.accessed { entry.append(("accessed", .string(accessed.description))) }
                            return .object(entry)
                        })
                ))
            projects.append(.object(fields))
        }
        return JSONValue.array(projects).serialized() + "\n"
    }

    static func csv(_ resolved: ResolvedSite, stop: () -> Bool = { false }) -> String? {
        let site = resolved.site
        var header = [
            "slug", "title", "url", "layers", "direction", "sector", "status", "status_as_of", "token", "token_as_of",
            "chains", "launched",
        ]
        header += site.config.rubric.map(\.key)
        header += ["verdict", "reviewed"]
        var lines = [header.map(field).joined(separator: ",")]
        for (count, index) in site.projects.enumerated() {
            if count % SiteRenderer.pagesBetweenStops == 0 && stop() { return nil }
            let page = site.pages[index]
            let project = page.fields.project ?? ProjectFields()
            var row = [
                page.slug, page.title, page.url, page.fields.layers.map(\.value).joined(separator: ";"),
                project.direction?.rawValue ?? "", project.sector?.value ?? "",
                project.status?.value.rawValue ?? "", project.status?.asOf?.description ?? "",
                csvToken(project.token?.value), project.token?.asOf?.description ?? "", project.chains.map(\.value).joined(separator: ";"), project.launched ?? "",
            ]
            row += site.config.rubric.map { project.assessment?.item($0.key)?.answer.rawValue ?? "" }
            row += [project.assessment?.verdict?.rawValue ?? "", page.fields.reviewed?.value.description ?? ""]
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Empty means unknown; `none` means the project has no token.
    private static func csvToken(_ token: ProjectFields.Token?) -> String {
        switch token {
        case .ticker(let ticker)?: ticker
        case .noToken?: "none"
        case nil: ""
        }
    }

    /// RFC 4180 quoting; a leading `=`, `+`, `-` or `@` is prefixed with `'` so spreadsheets do not run it.
    private static func field(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}
