import Dispatch

/// The whole build as one way through: read ─► parse ─► model ─► resolve ─► render ─► stage.
public enum Pipeline {
    /// Builds the site in `options.root` and swaps it into `options.output`.
    /// Throws `BuildFailure` (with every diagnostic) and leaves the output folder untouched on any error.
    /// Refuses an output folder that holds the sources or files a build did not write (`OutputGuard`).
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock.now
        if let refusal = OutputGuard.refusal(output: options.output, root: options.root) {
            throw BuildFailure(.unsafeOutput(refusal))
        }
        // Through a symlink (`public -> /var/www/site`): the folder it names is the one replaced.
        let output = OutputGuard.resolved(options.output)
        WorkFolders(output: output).removeStale()
        let source = SiteReader.read(root: options.root)
        let rendered = try render(source, options: options)
        let filesWritten: Int
        do {
            filesWritten = try OutputStage.write(rendered.plan, copies: rendered.copies, to: output)
        } catch {
            throw BuildFailure(.fileSystem("\(error.description) (the output folder \(options.output) is unchanged)"))
        }
        let report = rendered.report(filesWritten: filesWritten, since: clock)
        // Freeing the site model (a tenth of a second per ten thousand pages) happens on another
        // thread: the caller has its report as soon as the site is in place.
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(rendered) {} }
        return report
    }

    /// Everything `build` checks, writing nothing. Returns the warnings.
    public static func check(_ options: BuildOptions) throws(BuildFailure) -> [Diagnostic] {
        try render(SiteReader.read(root: options.root), options: options).warnings
    }

    /// What the stages before the disk produce: the files to render, the files to copy, the warnings.
    struct Rendered: Sendable {
        /// The one line a build ends with, for a build that started at `start`.
        func report(filesWritten: Int, since start: ContinuousClock.Instant) -> BuildReport {
            BuildReport(
                pagesWritten: plan.jobs.filter(\.isPage).count, filesWritten: filesWritten, warnings: warnings,
                seconds: (ContinuousClock.now - start).seconds)
        }

        var plan: RenderPlan
        /// Every file rendered in memory.
        var files: [OutputFile] { plan.renderAll() }
        var copies: [SiteSource.CopiedFile]
        var warnings: [Diagnostic]
    }

    /// Parse, model, resolve and render a site that has been read; with a `cache`, pages parsed
    /// by an earlier build are reused (see `ParseCache`).
    static func render(_ source: SiteSource, options: BuildOptions, cache: inout ParseCache?) throws(BuildFailure)
        -> Rendered
    {
        let stages = try stages(source, options: options, cache: &cache)
        let plan = SiteRenderer.plan(stages.resolved, templates: stages.templates)
        return Rendered(plan: plan, copies: source.copiedFiles, warnings: stages.diagnostics.sorted())
    }

    /// What the stages before rendering made of a site, with the diagnostics of each kept apart
    /// (`strata serve` redoes the part a save touched).
    struct Stages: Sendable {
        var config: SiteConfig
        /// The read and parse stages' diagnostics, site.yml's included.
        var parseDiagnostics: [Diagnostic]
        var templates: TemplateSet
        var templateDiagnostics: [Diagnostic]
        var resolved: ResolvedSite
        var parts: SiteResolver.Parts

        var diagnostics: [Diagnostic] { parseDiagnostics + templateDiagnostics + parts.diagnostics }
    }

    static func stages(_ source: SiteSource, options: BuildOptions, cache: inout ParseCache?) throws(BuildFailure)
        -> Stages
    {
        var diagnostics: [Diagnostic] = []
        let parsed = SiteParser.parse(source, cache: &cache)
        diagnostics += parsed.diagnostics
        let (templates, templateDiagnostics) = TemplateSet.load(source.templates)
        // A file or folder that could not be read leaves a hole in the site: links into it would be
        // reported as broken (and partials in it as missing), so the checks stop here and the error
        // that explains them stands alone.
        let unread = source.diagnostics.contains { $0.severity == .error }
        if !unread { diagnostics += templateDiagnostics }
        guard let config = parsed.config, !unread else { throw failure(diagnostics, strict: options.strict) }
        let site = SiteModel.build(
            parsed, config: config, includeDrafts: options.includeDrafts, commitDates: source.commitDates,
            today: options.day)
        let (resolved, parts) = SiteResolver.resolveKeepingParts(site, copies: source.copiedFiles)
        diagnostics += parts.diagnostics
        try check(diagnostics, strict: options.strict)
        return Stages(
            config: config, parseDiagnostics: parsed.diagnostics, templates: templates,
            templateDiagnostics: templateDiagnostics, resolved: resolved, parts: parts)
    }

    /// Throws when the diagnostics hold an error, or any diagnostic in a strict build.
    static func check(_ diagnostics: [Diagnostic], strict: Bool) throws(BuildFailure) {
        if diagnostics.contains(where: { $0.severity == .error || strict }) {
            throw failure(diagnostics, strict: strict)
        }
    }

    static func render(_ source: SiteSource, options: BuildOptions) throws(BuildFailure) -> Rendered {
        var none: ParseCache? = nil
        return try render(source, options: options, cache: &none)
    }

    private static func failure(_ diagnostics: [Diagnostic], strict: Bool) -> BuildFailure {
        guard strict else { return BuildFailure(diagnostics: diagnostics) }
        return BuildFailure(diagnostics: diagnostics.map { Diagnostic(.error, $0.message, at: $0.location) })
    }
}
