/// Per-page checks that need the site: layers, sources, rubric answers, reviews.
enum PageChecks {
    static func check(_ index: Int, in site: Site, document: MarkdownDocument, _ diagnostics: inout Diagnostics) {
        let page = site.pages[index]
        guard !page.frontMatterFailed else { return }
        for layer in page.fields.layers where site.layer(layer.value) == nil {
            let known = site.layers.map { site.pages[$0].slug }.joined(separator: ", ")
            diagnostics.error("unknown layer '\(layer.value)'; content/stack/ has \(known)", at: layer.location)
        }
        checkSources(page, document: document, &diagnostics)
        if let project = page.fields.project { checkDates(project, &diagnostics) }
        if page.kind == .project { checkAssessment(page, config: site.config, &diagnostics) }
        if let reviewed = page.fields.reviewed, isStale(page, site: site) {
            diagnostics.warning(
                "reviewed \(reviewed.value), more than \(site.config.reviewEveryDays) days ago: check the page against its sources and update 'reviewed'",
                at: reviewed.location)
        }
    }

    /// Whether a profile's review is overdue (a profile never reviewed counts as overdue).
    static func isStale(_ page: Page, site: Site) -> Bool {
        guard let reviewed = page.fields.reviewed else { return page.kind == .project }
        return site.today.daysSinceEpoch - reviewed.value.daysSinceEpoch > site.config.reviewEveryDays
    }

    private static func checkSources(_ page: Page, document: MarkdownDocument, _ diagnostics: inout Diagnostics) {
        let known = Set(page.fields.sources.map(\.id.value))
        var cited = Set(document.citations)
        let project = page.fields.project
        for metric in project?.metrics ?? [] {
            cited.insert(metric.source.value)
            if !known.contains(metric.source.value) {
                diagnostics.error(
                    "metric source '\(metric.source.value)' is not among this page's sources",
                    at: metric.source.location)
            }
        }
        for (key, dated) in [("status", project?.status?.source), ("token", project?.token?.source)] {
            guard let source = dated else { continue }
            cited.insert(source.value)
            if !known.contains(source.value) {
                diagnostics.error("\(key) source '\(source.value)' is not among this page's sources", at: source.location)
            }
        }
        for item in project?.assessment?.items ?? [] {
            for source in item.sources {
                cited.insert(source.value)
                if !known.contains(source.value) {
                    diagnostics.error(
                        "assessment source '\(source.value)' is not among this page's sources", at: source.location)
                }
            }
        }
        for source in page.fields.sources where source.url != nil && source.accessed == nil {
            diagnostics.warning(
                "source '\(source.id.value)' has a URL but no 'accessed' date; add 'accessed: YYYY-MM-DD', the day you read it",
                at: source.location)
        }
        for source in page.fields.sources where !cited.contains(source.id.value) {
            diagnostics.warning(
                "source '\(source.id.value)' is listed but never cited; cite it with [@\(source.id.value)] or remove it",
                at: source.id.location)
        }
    }

    /// A status or token is only true on a day: without `as_of` a reader cannot tell how old it is.
    private static func checkDates(_ project: ProjectFields, _ diagnostics: inout Diagnostics) {
        func check<Value>(_ key: String, _ dated: Dated<Value>?) {
            guard let dated, dated.asOf == nil else { return }
            diagnostics.warning(
                "'\(key)' has no 'as_of' date; write '\(key): {value: …, as_of: YYYY-MM-DD, source: …}'",
                at: dated.location)
        }
        check("status", project.status)
        check("token", project.token)
    }

    private static func checkAssessment(_ page: Page, config: SiteConfig, _ diagnostics: inout Diagnostics) {
        guard !config.rubric.isEmpty else { return }
        guard let assessment = page.fields.project?.assessment else {
            diagnostics.warning(
                "no assessment: answer the rubric questions (\(config.rubric.map(\.key).joined(separator: ", "))) and give a verdict",
                at: page.frontMatterEnd)
            return
        }
        for question in config.rubric where assessment.item(question.key) == nil && !assessment.invalid.contains(question.key) {
            diagnostics.warning(
                "assessment does not answer '\(question.key)' (\(question.question)); add '\(question.key): "
                    + Assessment.Answer.allCases.map(\.rawValue).joined(separator: "|") + "'",
                at: assessment.location)
        }
        if assessment.verdict == nil && !assessment.invalid.contains("verdict") {
            diagnostics.warning("assessment has no verdict: signal, mixed or noise", at: assessment.location)
        }
    }
}

extension MarkdownDocument {
    /// The ids of every `[@id]` in the document, in order.
    var citations: [String] {
        var result: [String] = []
        func visit(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .citation(let citations): result += citations.map(\.id)
                case .emphasis(let children), .strong(let children), .strikethrough(let children),
                    .link(_, let children), .image(_, let children):
                    visit(children)
                default: break
                }
            }
        }
        func visit(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let inlines), .heading(_, _, let inlines, _): visit(inlines)
                case .blockQuote(let children): visit(children)
                case .list(_, _, _, let items): items.forEach { visit($0.blocks) }
                case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach { visit($0) }
                case .codeBlock, .html, .thematicBreak: break
                }
            }
        }
        visit(blocks)
        footnotes.forEach { visit($0.blocks) }
        return result
    }
}
