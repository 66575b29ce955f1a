import Dispatch

/// The whole build as one way through: read ─► parse ─► model ─► resolve ─► render ─► stage.
public enum Pipeline {
    /// Builds the site in `options.root` and swaps it into `options.output`.
    /// Throws `BuildFailure` (with every diagnostic) and leaves the output folder untouched on any error.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        let clock = ContinuousClock.now
        let source = SiteReader.read(root: options.root)
        let rendered = try render(source, options: options)
        let filesWritten: Int
        do {
            filesWritten = try OutputStage.write(rendered.plan, copies: rendered.copies, to: options.output)
        } catch {
            throw BuildFailure(diagnostics: [
                Diagnostic(.error, "cannot write the site: \(error)", at: SourceLocation(path: options.output))
            ])
        }
        let elapsed = ContinuousClock.now - clock
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let report = BuildReport(
            pagesWritten: rendered.plan.jobs.filter(\.isPage).count,
            filesWritten: filesWritten, warnings: rendered.warnings, seconds: seconds)
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
        var plan: RenderPlan
        /// Every file rendered in memory.
        var files: [OutputFile] { plan.renderAll() }
        var copies: [SiteSource.CopiedFile]
        var warnings: [Diagnostic]
    }

    /// Parse, model, resolve and render a site that has been read.
    static func render(_ source: SiteSource, options: BuildOptions) throws(BuildFailure) -> Rendered {
        var diagnostics: [Diagnostic] = []
        let parsed = SiteParser.parse(source)
        diagnostics += parsed.diagnostics
        let (templates, templateDiagnostics) = TemplateSet.load(source.templates)
        diagnostics += templateDiagnostics
        guard let config = parsed.config else { throw failure(diagnostics, strict: options.strict) }
        let site = SiteModel.build(
            parsed, config: config, includeDrafts: options.includeDrafts, commitDates: source.commitDates,
            today: options.day)
        let (resolved, resolveDiagnostics) = SiteResolver.resolve(
            site, files: Set(source.copiedFiles.map(\.outputPath)))
        diagnostics += resolveDiagnostics
        if diagnostics.contains(where: { $0.severity == .error || options.strict }) {
            throw failure(diagnostics, strict: options.strict)
        }
        let plan = SiteRenderer.plan(resolved, templates: templates)
        return Rendered(plan: plan, copies: source.copiedFiles, warnings: diagnostics.sorted())
    }

    private static func failure(_ diagnostics: [Diagnostic], strict: Bool) -> BuildFailure {
        guard strict else { return BuildFailure(diagnostics: diagnostics) }
        return BuildFailure(diagnostics: diagnostics.map { Diagnostic(.error, $0.message, at: $0.location) })
    }
}
