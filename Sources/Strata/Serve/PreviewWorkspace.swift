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

    fileprivate struct State: Sendable {
        var source: SiteSource
        var stages: Pipeline.Stages
        var targets: SiteResolver.Targets
        var plan: RenderPlan
        /// Per job of the plan, in order: its key (`SiteRenderer.key`).
        var keys: [String] = []
        /// Per job, by the path of its first file: the job, its files and what they were read from.
        var outputs: [String: Output]
        /// Which jobs read each input.
        var readers: [RenderInput: Set<String>]
        var site: PreviewSite
    }

    fileprivate struct Output: Sendable {
        var job: SiteRenderer.Job
        var paths: [String]
        var inputs: Set<RenderInput>
    }

    /// Builds again after the files at `paths` (relative to the root) changed; nil: unknown, or
    /// the first build, which does everything.
    mutating func update(changed paths: Set<String>?) throws(BuildFailure) -> Update {
        let clock = ContinuousClock.now
        generation += 1
        do {
            if let paths, let state = last, let edit = Edit(paths, in: state.source, root: options.root),
                let update = try patch(state, edit, since: clock)
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

    // MARK: Everything

    private mutating func rebuild(since clock: ContinuousClock.Instant) throws(BuildFailure) -> Update {
        pending = []
        let source = SiteReader.read(root: options.root)
        let stages = try Pipeline.stages(source, options: options, cache: &cache)
        let plan = SiteRenderer.plan(stages.resolved, templates: stages.templates)
        let results = Array(plan.jobs.indices).parallelMap { plan.filesAndInputs(at: $0) }
        var state = State(
            source: source, stages: stages, targets: SiteResolver.Targets(stages.resolved.site, copies: source.copiedFiles),
            plan: plan, outputs: [:], readers: [:],
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
            pagesWritten: state.plan.jobs.filter(\.isPage).count,
            filesWritten: state.site.files.count, warnings: state.stages.diagnostics.sorted(),
            seconds: (ContinuousClock.now - clock).seconds)
    }

    // MARK: In part

    /// The update of a site after `edit`, or nil when it needs every stage again.
    private mutating func patch(_ old: State, _ edit: Edit, since clock: ContinuousClock.Instant) throws(BuildFailure)
        -> Update?
    {
        var state = old
        var stages = old.stages
        var changedInputs = Set<RenderInput>()
        var templatesChanged = false

        if !edit.templates.isEmpty {
            for file in edit.templates {
                guard let at = state.source.templates.firstIndex(where: { $0.path == file.path }) else { return nil }
                state.source.templates[at] = file
            }
            (stages.templates, stages.templateDiagnostics) = TemplateSet.load(state.source.templates)
            templatesChanged = true
            // The pages whose templates include a saved one render again.
            for file in edit.templates { changedInputs.insert(.template(file.path)) }
        }

        if !edit.pages.isEmpty {
            guard try patchPages(&state, &stages, edit.pages, &changedInputs) else { return nil }
        }
        try Pipeline.check(stages.diagnostics, strict: options.strict)
        state.stages = stages

        let items = templatesChanged ? nil : old.plan.items.keeping(allBut: Set(changedInputs.compactMap(\.page)))
        let plan = SiteRenderer.plan(stages.resolved, templates: stages.templates, items: items)
        var affected = Set<String>()
        for input in changedInputs { affected.formUnion(old.readers[input] ?? []) }
        if changedInputs.contains(where: \.isContent) { affected.formUnion(old.readers[.everything] ?? []) }
        if changedInputs.contains(where: \.isField) { affected.formUnion(old.readers[.everyPageField] ?? []) }

        var toRender: [Int] = []
        state.keys = []
        state.keys.reserveCapacity(plan.jobs.count)
        for (index, job) in plan.jobs.enumerated() {
            // Most jobs are where they were: their key is known.
            let same = index < old.plan.jobs.count && old.plan.jobs[index] == job
            let key = same ? old.keys[index] : SiteRenderer.key(of: job, in: stages.resolved.site)
            state.keys.append(key)
            let before = old.outputs[key]
            if before?.job != job || affected.contains(key) || pending.contains(key) {
                toRender.append(index)
            }
        }
        var gone = Set<String>()
        if state.keys != old.keys {
            let keys = Set(state.keys)
            for (key, output) in old.outputs where !keys.contains(key) { gone.formUnion(state.forget(key, output)) }
            if !gone.isEmpty { state.site.remove(gone) }
        }
        state.plan = plan
        // Pages first, served as soon as they are ready; the data files and the search index,
        // which no page shows, come right after (`finish`).
        let now = toRender.filter { plan.jobs[$0].isPage }
        pending = Set(toRender.filter { !plan.jobs[$0].isPage }.map { state.keys[$0] })
        let changed = state.render(now, comparedWith: old.site).union(gone).union(edit.copied)
        last = state
        var report = report(state, since: clock)
        report.rendered = now.reduce(0) { $0 + (state.outputs[state.keys[$1]]?.paths.count ?? 0) }
        return Update(site: state.site, report: report, changed: changed, rendered: now.count)
    }

    /// What the last update left for later (the data files and the search index), to render
    /// without holding the workspace (`render()`), then to `finish` with. Nil when nothing is left.
    func rest() -> Rest? {
        guard let state = last, !pending.isEmpty else { return nil }
        let keys = Dictionary(state.keys.enumerated().map { ($1, $0) }) { first, _ in first }
        return Rest(plan: state.plan, jobs: pending.compactMap { keys[$0] }.sorted(), generation: generation)
    }

    struct Rest: Sendable {
        let plan: RenderPlan
        let jobs: [Int]
        let generation: Int

        /// The rest's files, or nil when `stop` (asked between jobs and while the search index is
        /// made) said to stop: a newer save waits, and its update takes the rest over.
        func render(until stop: @Sendable () -> Bool = { false }) -> [(files: [OutputFile], inputs: Set<RenderInput>)]? {
            let plan = plan
            let results = jobs.parallelMap { plan.filesAndInputs(at: $0, stop: stop) }
            var done: [(files: [OutputFile], inputs: Set<RenderInput>)] = []
            for result in results {
                guard let result else { return nil }
                done.append(result)
            }
            return done
        }
    }

    /// Serves the rest rendered; nil when an update came in between (it took the rest over).
    mutating func finish(_ rest: Rest, _ results: [(files: [OutputFile], inputs: Set<RenderInput>)]) -> Update? {
        guard rest.generation == generation, var state = last else { return nil }
        let clock = ContinuousClock.now
        pending = []
        let changed = state.render(rest.jobs, results, comparedWith: state.site)
        last = state
        served = state.site
        return Update(
            site: state.site, report: report(state, since: clock), changed: changed, rendered: rest.jobs.count)
    }

    /// Renders and serves what the last update left for later; nil when it left nothing.
    mutating func finish() -> Update? {
        guard let rest = rest(), let results = rest.render() else { return nil }
        return finish(rest, results)
    }

    /// Parses the saved pages and resolves what they touch; notes in `changedInputs` what views
    /// may read differently now. False when the save needs every stage again.
    private mutating func patchPages(
        _ state: inout State, _ stages: inout Pipeline.Stages, _ files: [SiteSource.TextFile],
        _ changedInputs: inout Set<RenderInput>
    ) -> Bool {
        guard var cache, cache.isValid(for: state.source.siteConfig) else { return false }
        // Held here alone while it changes, so that storing into it does not copy every entry.
        self.cache = nil
        defer { self.cache = cache }
        var site = stages.resolved.site
        var modified: [Int] = []
        var fieldsChanged = false
        var modelChanged = false
        var siteWideChanged = false
        var newTitles: [String] = []
        var parseDiagnostics: [String: [Diagnostic]] = [:]
        for file in files {
            guard let index = site.byPath[file.path], let before = cache.entry(at: file.path),
                let beforePage = before.page
            else { return false }
            let result = SiteParser.parse(file, config: stages.config)
            cache.store(file, result)
            guard let page = result.0, page.fields.draft == beforePage.fields.draft else { return false }
            parseDiagnostics[file.path] = result.1
            let sameFields = FrontMatter.split(before.text)?.yaml == FrontMatter.split(file.text)?.yaml
            let model = SiteModel.page(page, commitDates: state.source.commitDates)
            if !sameFields {
                fieldsChanged = true
                if page.fields.title != beforePage.fields.title { newTitles.append(page.fields.title) }
                modelChanged = modelChanged || page.fields.modelKey != beforePage.fields.modelKey
                siteWideChanged = siteWideChanged || page.fields.siteWideKey != beforePage.fields.siteWideKey
            }
            if !sameFields || model.headings != site.pages[index].headings { changedInputs.insert(.page(index)) }
            site.pages[index] = model
            modified.append(index)
            if let at = state.source.pages.firstIndex(where: { $0.path == file.path }) { state.source.pages[at] = file }
        }
        stages.parseDiagnostics =
            stages.parseDiagnostics.filter { parseDiagnostics[$0.location.path] == nil }
            + files.flatMap { parseDiagnostics[$0.path] ?? [] }

        let old = stages.resolved
        if modelChanged {
            // Titles, dates, layers and terms order the lists: the model is made again from its pages.
            site = SiteModel.index(site.pages, config: stages.config, today: site.today, draftNames: site.draftNames)
        }
        let targets = SiteResolver.Targets(site, copies: state.source.copiedFiles)
        // A new or vanished taxonomy term changes what links may point at: resolve every page.
        guard targets.generated == state.targets.generated else { return false }

        // The pages whose links can read what changed: those that link to a saved page, and, for a
        // new title, those that link to a page of that title (the link may now be ambiguous).
        var again = Set(modified)
        for index in modified { again.formUnion(old.backlinks[index]) }
        for title in newTitles {
            for holder in site.byTitle[title] ?? [] { again.formUnion(old.backlinks[holder]) }
        }
        for index in again where site.pages[index].document.blocks.isEmpty {
            if let page = cache.entry(at: site.pages[index].path)?.page { site.pages[index].document = page.document }
        }
        var resolved = old
        resolved.site = site
        var parts = stages.parts
        let pagesAgain = Array(again)
        let model = site
        let results = pagesAgain.parallelMap { SiteResolver.links(of: $0, in: model, targets) }
        for (index, result) in zip(pagesAgain, results) {
            if result.document != old.documents[index] { changedInputs.insert(.body(index)) }
            resolved.documents[index] = result.document
            parts.linked[index] = result.linked
            parts.linkDiagnostics[index] = result.diagnostics
        }
        resolved.backlinks = Array(repeating: [], count: site.pages.count)
        for (index, linked) in parts.linked.enumerated() {
            for target in linked { resolved.backlinks[target].append(index) }
        }
        for index in resolved.backlinks.indices where resolved.backlinks[index] != old.backlinks[index] {
            changedInputs.insert(.backlinks(index))
        }
        if siteWideChanged {
            parts.siteDiagnostics = SiteResolver.resolveSiteWide(&resolved, copies: state.source.copiedFiles)
            for index in site.pages.indices
            where resolved.relationsOut[index] != old.relationsOut[index]
                || resolved.relationsIn[index] != old.relationsIn[index]
            {
                changedInputs.insert(.relations(index))
            }
        }
        if fieldsChanged {
            for index in modified {
                resolved.stale[index] = PageChecks.isStale(site.pages[index], site: site)
                if resolved.stale[index] != old.stale[index] { changedInputs.insert(.stale(index)) }
            }
        }
        if modelChanged {
            for case .list(let list) in state.readers.keys where !list.isSame(in: old.site, as: site) {
                changedInputs.insert(.list(list))
            }
        }
        // A page's checks read its own fields and document, and which layers exist.
        for index in again { parts.checkDiagnostics[index] = SiteResolver.checks(of: index, in: resolved) }
        for index in resolved.site.pages.indices where !resolved.site.pages[index].document.blocks.isEmpty {
            resolved.site.pages[index].document = MarkdownDocument(blocks: [], footnotes: [])
        }
        stages.resolved = resolved
        stages.parts = parts
        state.targets = targets
        return true
    }
}

extension PageFields {
    /// What the site model orders and files pages by: a change of any of it makes the model again.
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

extension PreviewWorkspace.State {
    /// Serves a job's new files and notes what they were read from. An index page reads
    /// thousands of inputs, mostly the same ones as last time: then the index of readers stands.
    fileprivate mutating func keep(
        _ job: SiteRenderer.Job, _ key: String, _ result: (files: [OutputFile], inputs: Set<RenderInput>)
    ) {
        for file in result.files { site.set(file.path, .rendered(Data(file.text.utf8))) }
        let before = outputs[key]
        outputs[key] = PreviewWorkspace.Output(job: job, paths: result.files.map(\.path), inputs: result.inputs)
        guard before?.inputs != result.inputs else { return }
        for input in before?.inputs ?? [] { readers[input]?.remove(key) }
        for input in result.inputs { readers[input, default: []].insert(key) }
    }

    /// Renders the plan's jobs at `indices` and serves their files; returns the paths whose bytes
    /// differ from `old`'s.
    fileprivate mutating func render(_ indices: [Int], comparedWith old: PreviewSite) -> Set<String> {
        let plan = self.plan
        return render(indices, indices.parallelMap { plan.filesAndInputs(at: $0) }, comparedWith: old)
    }

    /// Serves the files rendered for the plan's jobs at `indices`.
    fileprivate mutating func render(
        _ indices: [Int], _ results: [(files: [OutputFile], inputs: Set<RenderInput>)], comparedWith old: PreviewSite
    ) -> Set<String> {
        var gone = Set<String>()
        for (index, result) in zip(indices, results) {
            let job = plan.jobs[index]
            let key = keys[index]
            if let before = outputs[key] { gone.formUnion(before.paths) }
            keep(job, key, result)
        }
        let written = Set(results.flatMap { $0.files.map(\.path) })
        gone.subtract(written)
        if !gone.isEmpty { site.remove(gone) }
        return site.paths(differingFrom: old, among: written).union(gone)
    }

    /// Forgets a job and what it read; returns the paths of its files (still served until removed).
    fileprivate mutating func forget(_ key: String, _ output: PreviewWorkspace.Output) -> [String] {
        for input in output.inputs { readers[input]?.remove(key) }
        outputs[key] = nil
        return output.paths
    }
}
