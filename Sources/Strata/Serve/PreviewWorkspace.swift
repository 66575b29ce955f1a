import Foundation

/// `strata serve`'s site in memory, with every stage's result kept: after a save it parses only
/// the files that changed, resolves only the pages whose links they can touch, and renders only
/// the outputs that read what changed (each output's `RenderInput`s are noted as it renders).
/// Anything it cannot do in part (a file added or removed, site.yml, a change of the URLs links
/// may point at) goes through every stage again, from the parse cache.
struct PreviewWorkspace: Sendable {
    let options: BuildOptions
    private var cache: ParseCache? = ParseCache()
    /// The last good build; nil before the first, and after a failed one (the next save then
    /// builds everything, so no change is missed).
    private var last: State?
    /// The site last served, which a whole build after a failed one is compared with.
    private var served: PreviewSite?
    /// Jobs still to render (`finish`), by key: an update that comes first takes them over.
    private var pending: Set<String> = []
    /// Counts updates, so work on the rest of one that another update overtook is dropped.
    private var generation = 0

    init(options: BuildOptions) { self.options = options }

    /// What one build or update made.
    struct Update: Sendable {
        var site: PreviewSite
        var report: BuildReport
        /// Output paths whose bytes changed (or appeared, or went) since the last good build.
        var changed: Set<String>
        /// How many outputs were rendered (all of them in a whole build).
        var rendered: Int
    }

    struct State: Sendable {
        var source: SiteSource
        var stages: Pipeline.Stages
        var targets: SiteResolver.Targets
        /// The render plan's jobs and page items; the plan itself is made from them and `stages`
        /// when needed (`plan`), so that the site is held once and an update changes it in place.
        var jobs: [SiteRenderer.Job]
        var items: ItemCache
        /// Per job, in order: its key (`SiteRenderer.key`).
        var keys: [String] = []
        /// Per job, by the path of its first file: the job, its files and what they were read from.
        var outputs: [String: Output]
        /// Which jobs read each input.
        var readers: [RenderInput: Set<String>]
        var site: PreviewSite

        var plan: RenderPlan {
            RenderPlan(resolved: stages.resolved, templates: stages.templates, items: items, jobs: jobs)
        }
    }

    struct Output: Sendable {
        var job: SiteRenderer.Job
        var paths: [String]
        var inputs: Set<RenderInput>
    }

    /// Builds again after the files at `paths` (relative to the root) changed; nil: unknown, or
    /// the first build, which does everything. An update in part renders the saved pages and the
    /// pages at `first` (output paths: those open in a browser) and serves them; the other pages,
    /// the data files and the search index are left for `rest` and `finish`.
    mutating func update(changed paths: Set<String>?, first: Set<String>? = nil) throws(BuildFailure) -> Update {
        let clock = ContinuousClock.now
        generation += 1
        do {
            // The last build is taken out, so that the update changes the only copy of its tables.
            if let paths, var state = takeLast(), let edit = Edit(paths, in: state.source, root: options.root),
                let update = try patch(&state, edit, first: first, since: clock)
            {
                served = update.site
                return update
            }
            let update = try rebuild(since: clock)
            served = update.site
            return update
        } catch {
            last = nil
            throw error
        }
    }

    private mutating func takeLast() -> State? {
        defer { last = nil }
        return last
    }

    // MARK: Everything

    private mutating func rebuild(since clock: ContinuousClock.Instant) throws(BuildFailure) -> Update {
        pending = []
        let source = SiteReader.read(root: options.root)
        let stages = try Pipeline.stages(source, options: options, cache: &cache)
        let plan = SiteRenderer.plan(stages.resolved, templates: stages.templates)
        let results = Array(plan.jobs.indices).parallelMap { RenderedJob(plan.filesAndInputs(at: $0)) }
        var state = State(
            source: source, stages: stages, targets: SiteResolver.Targets(stages.resolved.site, copies: source.copiedFiles),
            jobs: plan.jobs, items: plan.items, outputs: [:], readers: [:],
            site: PreviewSite(copies: source.copiedFiles, baseURL: stages.config.baseURL))
        state.keys = plan.jobs.map { SiteRenderer.key(of: $0, in: stages.resolved.site) }
        for (index, result) in results.enumerated() { state.keep(plan.jobs[index], state.keys[index], result) }
        let changed = served.map { state.site.paths(differingFrom: $0) } ?? Set(state.site.files.keys)
        last = state
        return Update(
            site: state.site, report: report(state, since: clock), changed: changed, rendered: plan.jobs.count)
    }

    private func report(_ state: State, since clock: ContinuousClock.Instant) -> BuildReport {
        BuildReport(
            pagesWritten: state.jobs.filter(\.isPage).count,
            filesWritten: state.site.files.count, warnings: state.stages.diagnostics.sorted(),
            seconds: (ContinuousClock.now - clock).seconds)
    }

    // MARK: In part

    /// The update of a site after `edit`, made to `state` in place; nil when it needs every stage
    /// again. What it compares with is read before it is changed.
    private mutating func patch(
        _ state: inout State, _ edit: Edit, first: Set<String>?, since clock: ContinuousClock.Instant
    ) throws(BuildFailure) -> Update?
    {
        var changedInputs = Set<RenderInput>()
        var templatesChanged = false

        if !edit.templates.isEmpty {
            for file in edit.templates {
                guard let at = state.source.templates.firstIndex(where: { $0.path == file.path }) else { return nil }
                state.source.templates[at] = file
            }
            (state.stages.templates, state.stages.templateDiagnostics) = TemplateSet.load(state.source.templates)
            templatesChanged = true
            // The pages whose templates include a saved one render again.
            for file in edit.templates { changedInputs.insert(.template(file.path)) }
        }

        if !edit.pages.isEmpty {
            guard try patchPages(&state, edit.pages, &changedInputs) else { return nil }
        }
        try Pipeline.check(state.stages.diagnostics, strict: options.strict)

        let items = templatesChanged ? nil : state.items.keeping(allBut: Set(changedInputs.compactMap(\.page)))
        let plan = SiteRenderer.plan(state.stages.resolved, templates: state.stages.templates, items: items)
        let jobs = plan.jobs
        var affected = Set<String>()
        for input in changedInputs { affected.formUnion(state.readers[input] ?? []) }
        if changedInputs.contains(where: \.isContent) { affected.formUnion(state.readers[.everything] ?? []) }
        if changedInputs.contains(where: \.isField) { affected.formUnion(state.readers[.everyPageField] ?? []) }

        var toRender: [Int] = []
        var keys: [String] = []
        keys.reserveCapacity(jobs.count)
        for (index, job) in jobs.enumerated() {
            // Most jobs are where they were: their key is known.
            let same = index < state.jobs.count && state.jobs[index] == job
            let key = same ? state.keys[index] : SiteRenderer.key(of: job, in: state.stages.resolved.site)
            keys.append(key)
            if state.outputs[key]?.job != job || affected.contains(key) || pending.contains(key) {
                toRender.append(index)
            }
        }
        let before = state.site
        var gone = Set<String>()
        if keys != state.keys {
            let kept = Set(keys)
            for key in state.outputs.keys.filter({ !kept.contains($0) }) { gone.formUnion(state.forget(key)) }
            if !gone.isEmpty { state.site.remove(gone) }
        }
        state.keys = keys
        state.jobs = jobs
        state.items = plan.items
        // The saved pages and those open in a browser (all pages when that is not known) are
        // served as soon as they are ready; the other pages, the data files and the search index
        // come right after (`finish`).
        var wanted = first
        for file in edit.pages {
            if let index = state.stages.resolved.site.byPath[file.path] {
                wanted?.insert(OutputFile.path(for: state.stages.resolved.site.pages[index].url))
            }
        }
        let now = toRender.filter { jobs[$0].isPage && wanted?.contains(keys[$0]) != false }
        let shown = Set(now)
        pending = Set(toRender.filter { !shown.contains($0) }.map { keys[$0] })
        let changed = state.render(now, comparedWith: before).union(gone).union(edit.copied)
        var report = report(state, since: clock)
        report.rendered = now.reduce(0) { $0 + (state.outputs[keys[$1]]?.paths.count ?? 0) }
        last = state
        return Update(site: state.site, report: report, changed: changed, rendered: now.count)
    }

    /// Whether the last update left anything for later.
    var hasRest: Bool { last != nil && !pending.isEmpty }

    /// What the last update left for later (the data files and the search index), to render
    /// without holding the workspace (`render()`), then to `finish` with. Nil when nothing is left.
    func rest() -> Rest? {
        guard let state = last, !pending.isEmpty else { return nil }
        let keys = Dictionary(state.keys.enumerated().map { ($1, $0) }) { first, _ in first }
        let jobs = pending.compactMap { keys[$0] }.sorted()
        // The pages first, served as soon as they are ready; then the data files and the index.
        let pages = jobs.filter { state.jobs[$0].isPage }
        return Rest(plan: state.plan, jobs: pages.isEmpty ? jobs : pages, generation: generation)
    }

    /// Serves the rest rendered; nil when an update came in between (it took the rest over).
    mutating func finish(_ rest: Rest, _ results: [RenderedJob]) -> Update? {
        guard rest.generation == generation, var state = takeLast() else { return nil }
        let clock = ContinuousClock.now
        pending.subtract(rest.jobs.map { state.keys[$0] })
        let changed = state.render(rest.jobs, results, comparedWith: state.site)
        last = state
        served = state.site
        return Update(
            site: state.site, report: report(state, since: clock), changed: changed, rendered: rest.jobs.count)
    }

    /// Renders and serves all that the last update left for later; nil when it left nothing.
    mutating func finish() -> Update? {
        var update: Update?
        while let rest = rest(), let results = rest.render(), let done = finish(rest, results) {
            let changed = (update?.changed ?? []).union(done.changed)
            update = Update(
                site: done.site, report: done.report, changed: changed, rendered: (update?.rendered ?? 0) + done.rendered)
        }
        return update
    }

    /// Parses the saved pages and resolves what they touch, in `state` in place; notes in
    /// `changedInputs` what views may read differently now. False when the save needs every
    /// stage again.
    private mutating func patchPages(
        _ state: inout State, _ files: [SiteSource.TextFile], _ changedInputs: inout Set<RenderInput>
    ) -> Bool {
        guard var cache, cache.isValid(for: state.source.siteConfig) else { return false }
        // Held here alone while it changes, so that storing into it does not copy every entry.
        self.cache = nil
        defer { self.cache = cache }
        let config = state.stages.config
        var modified: [Int] = []
        var fieldsChanged = false
        var modelChanged = false
        var onlyTitles = true
        var siteWideChanged = false
        var newTitles: [String] = []
        var parseDiagnostics: [String: [Diagnostic]] = [:]
        for file in files {
            guard let index = state.stages.resolved.site.byPath[file.path], let before = cache.entry(at: file.path),
                let beforePage = before.page
            else { return false }
            let result = SiteParser.parse(file, config: config)
            cache.store(file, result)
            guard let page = result.0, page.fields.draft == beforePage.fields.draft else { return false }
            parseDiagnostics[file.path] = result.1
            let sameFields = FrontMatter.split(before.text)?.yaml == FrontMatter.split(file.text)?.yaml
            let model = SiteModel.page(page, commitDates: state.source.commitDates)
            if !sameFields {
                fieldsChanged = true
                if page.fields.title != beforePage.fields.title { newTitles.append(page.fields.title) }
                let (key, keyBefore) = (page.fields.modelKey, beforePage.fields.modelKey)
                modelChanged = modelChanged || key != keyBefore
                onlyTitles = onlyTitles && key.dropFirst() == keyBefore.dropFirst()
                siteWideChanged = siteWideChanged || page.fields.siteWideKey != beforePage.fields.siteWideKey
            }
            if !sameFields || model.headings != state.stages.resolved.site.pages[index].headings {
                changedInputs.insert(.page(index))
            }
            state.stages.resolved.site.pages[index] = model
            modified.append(index)
            if let at = state.source.pages.firstIndex(where: { $0.path == file.path }) { state.source.pages[at] = file }
        }
        state.stages.parseDiagnostics =
            state.stages.parseDiagnostics.filter { parseDiagnostics[$0.location.path] == nil }
            + files.flatMap { parseDiagnostics[$0.path] ?? [] }

        if modelChanged {
            // Titles, dates, layers and terms order the lists: the model is made again from its pages.
            let old = state.stages.resolved.site
            state.stages.resolved.site =
                onlyTitles
                ? SiteModel.retitled(old)
                : SiteModel.index(old.pages, config: config, today: old.today, draftNames: old.draftNames)
            for case .list(let list) in state.readers.keys where !list.isSame(in: old, as: state.stages.resolved.site) {
                changedInputs.insert(.list(list))
            }
        }
        let targets = SiteResolver.Targets(state.stages.resolved.site, copies: state.source.copiedFiles)
        // A new or vanished taxonomy term changes what links may point at: resolve every page.
        guard targets.generated == state.targets.generated else { return false }
        state.targets = targets

        // The pages whose links can read what changed: those that link to a saved page, and, for a
        // new title, those that link to a page of that title (the link may now be ambiguous).
        var again = Set(modified)
        for index in modified { again.formUnion(state.stages.resolved.backlinks[index]) }
        for title in newTitles {
            for holder in state.stages.resolved.site.byTitle[title] ?? [] {
                again.formUnion(state.stages.resolved.backlinks[holder])
            }
        }
        for index in again where state.stages.resolved.site.pages[index].document.blocks.isEmpty {
            if let page = cache.entry(at: state.stages.resolved.site.pages[index].path)?.page {
                state.stages.resolved.site.pages[index].document = page.document
            }
        }
        let pagesAgain = Array(again)
        let results = { (site: Site, targets: SiteResolver.Targets) in
            pagesAgain.parallelMap { SiteResolver.links(of: $0, in: site, targets) }
        }(state.stages.resolved.site, targets)
        for (index, result) in zip(pagesAgain, results) {
            if result.document != state.stages.resolved.documents[index] { changedInputs.insert(.body(index)) }
            state.stages.resolved.documents[index] = result.document
            state.stages.parts.linkDiagnostics[index] = result.diagnostics
            let before = state.stages.parts.linked[index]
            guard result.linked != before else { continue }
            // The backlinks of the pages it links to now, or no longer, in page order.
            state.stages.parts.linked[index] = result.linked
            for target in before.subtracting(result.linked) {
                state.stages.resolved.backlinks[target].removeAll { $0 == index }
                changedInputs.insert(.backlinks(target))
            }
            for target in result.linked.subtracting(before) {
                let list = state.stages.resolved.backlinks[target]
                let at = list.firstIndex { $0 > index } ?? list.endIndex
                state.stages.resolved.backlinks[target].insert(index, at: at)
                changedInputs.insert(.backlinks(target))
            }
        }
        if siteWideChanged {
            let (relationsOut, relationsIn) = (state.stages.resolved.relationsOut, state.stages.resolved.relationsIn)
            state.stages.parts.siteDiagnostics = SiteResolver.resolveSiteWide(
                &state.stages.resolved, copies: state.source.copiedFiles)
            for index in state.stages.resolved.site.pages.indices
            where state.stages.resolved.relationsOut[index] != relationsOut[index]
                || state.stages.resolved.relationsIn[index] != relationsIn[index]
            {
                changedInputs.insert(.relations(index))
            }
        }
        if fieldsChanged {
            for index in modified {
                let stale = PageChecks.isStale(state.stages.resolved.site.pages[index], site: state.stages.resolved.site)
                if stale != state.stages.resolved.stale[index] { changedInputs.insert(.stale(index)) }
                state.stages.resolved.stale[index] = stale
            }
        }
        // A page's checks read its own fields and document, and which layers exist.
        for index in again {
            state.stages.parts.checkDiagnostics[index] = SiteResolver.checks(of: index, in: state.stages.resolved)
        }
        for index in again {
            state.stages.resolved.site.pages[index].document = MarkdownDocument(blocks: [], footnotes: [])
        }
        return true
    }
}

extension PageFields {
    /// What the site model orders and files pages by: a change of any of it makes the model again
    /// (of the title alone, `SiteModel.retitled`). The title comes first.
    fileprivate var modelKey: [String] {
        [title, date?.description ?? "", updated?.description ?? "", order.map(String.init) ?? "",
         project?.sector?.value ?? ""]
            + ["layers"] + layers.map(\.value) + ["tags"] + tags.map(\.value)
            + ["chains"] + (project?.chains.map(\.value) ?? [])
    }

    /// What relations and output paths read: a change of it resolves them again.
    fileprivate var siteWideKey: [String] {
        aliases.map(\.value)
            + (project?.relations.flatMap { [$0.type.value, $0.target.value, $0.note ?? ""] } ?? [])
    }
}

extension RenderInput {
    /// The page whose fields this input is, if it is one.
    var page: Int? {
        if case .page(let index) = self { return index }
        return nil
    }
}
