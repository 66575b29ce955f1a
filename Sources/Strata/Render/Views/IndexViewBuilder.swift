import StrataTemplates

/// Views of the pages the build generates: indexes, taxonomies, scorecard, reviews, redirects.
extension ViewBuilder {
    func titled(_ fallback: String, section: String) -> String {
        introTitle(section) ?? fallback
    }

    func stackIndex() -> StackIndex {
        StackIndex(intro: intro("stack").html, stack: stackLayers(), mapURL: href(GeneratedURLs.map))
    }

    func projectsIndex() -> ProjectsIndex {
        ProjectsIndex(
            intro: intro("projects").html, rows: site.projects.map(projectRow), count: site.projects.count,
            filters: projectFilters())
    }

    /// One row of the comparison table.
    func projectRow(_ index: Int) -> ItemWith<ProjectRow> {
        let page = site.pages[index]
        let project = page.fields.project ?? ProjectFields()
        return ItemWith(
            item(index),
            ProjectRow(
                slug: page.slug, layers: items(page.fields.layers.compactMap { site.layer($0.value) }),
                layerSlugs: page.fields.layers.map(\.value).joined(separator: " "), direction: project.directionName,
                directionLabel: project.direction.map(Self.directionLabel) ?? "unknown",
                sector: project.sector?.value ?? "", status: project.statusName,
                token: Self.tokenLabel(project.token?.value),
                chains: project.chains.map(\.value).joined(separator: ", "),
                chainSlugs: project.chains.map(\.value).joined(separator: " "), verdict: project.verdictName))
    }

    /// One filter control per filterable column of the comparison table, with the values that occur.
    /// `name` is both the URL query key and the stem of the row's `data-` attribute.
    func projectFilters() -> [ProjectFilter] {
        typealias Option = (value: String, label: String)
        // One pass over the profiles, each read in place: per filter, how many profiles have each value.
        let names = ["layer", "direction", "sector", "status", "chain", "verdict"]
        var counts = [[String: Int]](repeating: [:], count: names.count)
        let none = ProjectFields()
        for profile in site.projects {
            let page = site.pages[profile]
            for layer in page.fields.layers { counts[0][layer.value, default: 0] += 1 }
            let fields = page.fields.project ?? none
            counts[1][fields.directionName, default: 0] += 1
            if let sector = fields.sector { counts[2][sector.value, default: 0] += 1 }
            counts[3][fields.statusName, default: 0] += 1
            for chain in fields.chains { counts[4][chain.value, default: 0] += 1 }
            counts[5][fields.verdictName, default: 0] += 1
        }
        let unknown: [Option] = [("unknown", "unknown")]
        let layers: [Option] = site.layers.map { (site.pages[$0].slug, site.pages[$0].title) }
        let directions: [Option] = ProjectFields.Direction.allCases.map { ($0.rawValue, Self.directionLabel($0)) }
        let statuses: [Option] = ProjectFields.Status.allCases.map { ($0.rawValue, $0.rawValue) }
        let verdicts: [Option] = ProjectFields.verdictNames.map { ($0, $0) }
        let options: [[Option]] = [
            layers, directions + unknown, site.config.sectors.map { ($0, $0) }, statuses + unknown,
            site.chains.map { ($0.slug, $0.slug) }, verdicts,
        ]
        let labels = ["Layer", "Direction", "Sector", "Status", "Chain", "Verdict"]
        return names.indices.map { filter in
            ProjectFilter(
                name: names[filter], label: labels[filter],
                options: options[filter].compactMap { option in
                    counts[filter][option.value].map { FilterOption(value: option.value, label: option.label, count: $0) }
                })
        }
    }

    func notesIndex() -> NotesIndex {
        NotesIndex(intro: intro("notes").html, notes: items(site.notes))
    }

    func folderIndex(_ folder: FolderSection) -> FolderIndex {
        FolderIndex(intro: intro(folder.name).html, pages: items(folder.pages), hasPages: !folder.pages.isEmpty)
    }

    func taxonomyIndex(_ taxonomy: GeneratedURLs.Taxonomy) -> TaxonomyIndex {
        TaxonomyIndex(
            intro: intro(taxonomy.rawValue).html, taxonomy: taxonomy.title,
            terms: site.terms(taxonomy).map { term in
                TermCount(name: term.slug, url: href(taxonomy.url(of: term.slug)), count: term.pages.count)
            },
            taxonomies: GeneratedURLs.Taxonomy.allCases.map {
                TaxonomyTab(title: $0.title, url: href($0.url), current: $0 == taxonomy)
            })
    }

    func termPage(_ taxonomy: GeneratedURLs.Taxonomy, _ term: Term) -> TermIndex {
        TermIndex(
            taxonomy: taxonomy.title, taxonomyURL: href(taxonomy.url), term: term.slug, pages: items(term.pages))
    }

    func scorecard() -> ScorecardIndex {
        ScorecardIndex(
            questions: site.config.rubric.map { RubricQuestion(key: $0.key, question: $0.question) },
            rows: site.projects.map { index in
                let project = site.pages[index].fields.project ?? ProjectFields()
                let assessment = project.assessment
                return ItemWith(
                    item(index),
                    ScorecardRow(
                        answers: site.config.rubric.map { question in
                            let answer = assessment?.item(question.key)
                            return ScorecardCell(
                                answer: answer?.answer.rawValue ?? "unanswered", key: question.key, note: answer?.note)
                        },
                        verdict: project.verdictName,
                        yes: site.config.rubric.count { assessment?.item($0.key)?.answer == .yes }))
            })
    }

    func reviews() -> ReviewsIndex {
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
        return ReviewsIndex(
            everyDays: site.config.reviewEveryDays,
            rows: due.map { index in
                ItemWith(
                    item(index),
                    ReviewRow(reviewed: site.pages[index].fields.reviewed.map { $0.value.description } ?? "never"))
            },
            hasRows: !due.isEmpty)
    }

    func redirect(to index: Int) -> RedirectPage {
        RedirectPage(
            target: href(site.pages[index].url), canonical: site.config.baseURL.map { $0 + site.pages[index].url })
    }
}
