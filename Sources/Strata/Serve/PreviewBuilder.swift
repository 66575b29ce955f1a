/// Builds the preview in memory, keeping what a later build can reuse (today the parsed pages).
struct PreviewBuilder: Sendable {
    let options: BuildOptions
    private var cache: ParseCache? = ParseCache()

    init(options: BuildOptions) { self.options = options }

    /// The site as it is on disk now, in memory.
    mutating func build() throws(BuildFailure) -> (PreviewSite, BuildReport) {
        let clock = ContinuousClock.now
        let source = SiteReader.read(root: options.root)
        let rendered = try Pipeline.render(source, options: options, cache: &cache)
        let files = rendered.files
        let site = PreviewSite(
            rendered: files, copies: rendered.copies, baseURL: rendered.plan.resolved.site.config.baseURL)
        return (site, rendered.report(filesWritten: files.count + rendered.copies.count, since: clock))
    }
}
