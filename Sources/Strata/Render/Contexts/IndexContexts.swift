/// Contexts for the pages the build generates: indexes, taxonomies, scorecard, reviews, search.
extension ContextBuilder {
    func withIntro(_ context: [String: Any], section: String) -> [String: Any] {
        var context = context
        let intro = intro(section)
        if let html = intro.html { context["intro"] = html }
        return context
    }

    func titled(_ fallback: String, section: String) -> String {
        intro(section).title ?? fallback
    }

    func stackIndex() -> [String: Any] {
        var context = withIntro(base(title: titled("The stack", section: "stack"), summary: nil), section: "stack")
        context["stack"] = stackLayers()
        return context
    }

    func projectsIndex() -> [String: Any] {
        var context = withIntro(base(title: titled("Projects", section: "projects"), summary: nil), section: "projects")
        context["rows"] = site.projects.map(projectRow)
        context["count"] = site.projects.count
        context["filters"] = projectFilters()
        return context
    }

    /// One row of the comparison table.
    func projectRow(_ index: Int) -> [String: Any] {
        let page = site.pages[index]
        let project = page.fields.project ?? ProjectFields()
        var row = item(index)
        row["slug"] = page.slug
        row["layers"] = page.fields.layers.compactMap { site.layer($0.value) }.map(item)
        row["layerSlugs"] = page.fields.layers.map(\.value).joined(separator: " ")
        row["direction"] = project.directionName
        row["directionLabel"] = project.direction.map(Self.directionLabel) ?? "unknown"
        row["sector"] = project.sector?.value ?? ""
        row["status"] = project.statusName
        row["token"] = Self.tokenLabel(project.token?.value)
        row["chains"] = project.chains.map(\.value).joined(separator: ", ")
        row["chainSlugs"] = project.chains.map(\.value).joined(separator: " ")
        row["verdict"] = project.verdictName
        return row
    }

    /// One filter control per filterable column of the comparison table, with the values that occur.
    /// `name` is both the URL query key and the stem of the row's `data-` attribute.
    func projectFilters() -> [[String: Any]] {
        typealias Option = (value: String, label: String)
        let profiles = site.projects.map {
            (layers: site.pages[$0].fields.layers, fields: site.pages[$0].fields.project ?? ProjectFields())
        }
        func filter(
            _ name: String, _ label: String, _ options: [Option],
            _ values: ((layers: [Located<String>], fields: ProjectFields)) -> [String]
        ) -> [String: Any] {
            var counts: [String: Int] = [:]
            for profile in profiles { for value in values(profile) { counts[value, default: 0] += 1 } }
            let present = options.filter { counts[$0.value] != nil }
            return [
                "name": name, "label": label,
                "options": present.map { ["value": $0.value, "label": $0.label, "count": counts[$0.value] ?? 0] },
            ]
        }
        let unknown: [Option] = [("unknown", "unknown")]
        let layers: [Option] = site.layers.map { (site.pages[$0].slug, site.pages[$0].title) }
        let directions: [Option] = ProjectFields.Direction.allCases.map { ($0.rawValue, Self.directionLabel($0)) }
        let statuses: [Option] = ProjectFields.Status.allCases.map { ($0.rawValue, $0.rawValue) }
        let verdicts: [Option] = ProjectFields.verdictNames.map { ($0, $0) }
        return [
            filter("layer", "Layer", layers) { $0.layers.map(\.value) },
            filter("direction", "Direction", directions + unknown) { [$0.fields.directionName] },
            filter("sector", "Sector", site.config.sectors.map { ($0, $0) }) {
                $0.fields.sector.map { [$0.value] } ?? []
            },
            filter("status", "Status", statuses + unknown) { [$0.fields.statusName] },
            filter("chain", "Chain", site.chains.map { ($0.slug, $0.slug) }) { $0.fields.chains.map(\.value) },
            filter("verdict", "Verdict", verdicts) { [$0.fields.verdictName] },
        ]
    }

    func notesIndex() -> [String: Any] {
        var context = withIntro(base(title: titled("Notes", section: "notes"), summary: nil), section: "notes")
        context["notes"] = items(site.notes)
        return context
    }

    func taxonomyIndex(_ taxonomy: GeneratedURLs.Taxonomy) -> [String: Any] {
        var context = withIntro(
            base(title: titled(taxonomy.title, section: taxonomy.rawValue), summary: nil), section: taxonomy.rawValue)
        context["taxonomy"] = taxonomy.title
        context["terms"] = taxonomy.terms(in: site).map { term in
            var entry = self.term(taxonomy, term.slug)
            entry["count"] = term.pages.count
            return entry
        }
        context["taxonomies"] = GeneratedURLs.Taxonomy.allCases.map {
            ["title": $0.title, "url": href($0.url), "current": $0 == taxonomy] as [String: Any]
        }
        return context
    }

    func termPage(_ taxonomy: GeneratedURLs.Taxonomy, _ term: Term) -> [String: Any] {
        var context = base(title: "\(taxonomy.singular): \(term.slug)", summary: nil)
        context["taxonomy"] = taxonomy.title
        context["taxonomyURL"] = href(taxonomy.url)
        context["term"] = term.slug
        context["pages"] = items(term.pages)
        return context
    }

    func scorecard() -> [String: Any] {
        var context = base(title: "Scorecard", summary: "Every project profile against the rubric.")
        context["questions"] = site.config.rubric.map { ["key": $0.key, "question": $0.question] }
        context["rows"] = site.projects.map { index in
            let project = site.pages[index].fields.project ?? ProjectFields()
            let assessment = project.assessment
            var row = item(index)
            row["answers"] = site.config.rubric.map { question in
                let answer = assessment?.item(question.key)
                var cell: [String: Any] = ["answer": answer?.answer.rawValue ?? "unanswered", "key": question.key]
                if let note = answer?.note { cell["note"] = note }
                return cell
            }
            row["verdict"] = project.verdictName
            row["yes"] = site.config.rubric.count { assessment?.item($0.key)?.answer == .yes }
            return row
        }
        return context
    }

    func reviews() -> [String: Any] {
        var context = base(title: "Reviews due", summary: "Profiles whose review is overdue.")
        context["everyDays"] = site.config.reviewEveryDays
        let due = site.projects.filter { resolved.stale[$0] }.sorted {
            let left = site.pages[$0].fields.reviewed?.value
            let right = site.pages[$1].fields.reviewed?.value
            switch (left, right) {
            case let (left?, right?) where left != right: return left < right
            case (nil, .some): return true
            case (.some, nil): return false
            default: return site.pages[$0].path < site.pages[$1].path
            }
        }
        context["rows"] = due.map { index in
            var row = item(index)
            row["reviewed"] = site.pages[index].fields.reviewed.map { $0.value.description } ?? "never"
            return row
        }
        context["hasRows"] = !due.isEmpty
        return context
    }

    func searchPage() -> [String: Any] {
        base(title: "Search", summary: "Search every page of the site.")
    }

    func notFound() -> [String: Any] {
        var context = base(title: "Page not found", summary: nil)
        context["canonical"] = nil
        return context
    }

    func redirect(to index: Int) -> [String: Any] {
        var context = base(title: site.pages[index].title, summary: nil)
        context["target"] = href(site.pages[index].url)
        if let base = site.config.baseURL { context["canonical"] = base + site.pages[index].url }
        return context
    }
}
