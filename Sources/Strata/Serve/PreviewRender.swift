import Foundation

// What the preview does with rendered jobs: the rest of an update, rendered apart
// (`PreviewWorkspace.Rest`), and the served files and the index of readers kept up to date as
// jobs come in (`PreviewWorkspace.State`).

extension PreviewWorkspace {
    /// What an update left for later (`PreviewWorkspace.rest()`): jobs of `plan` to render
    /// without holding the workspace, then to `finish` with.
    struct Rest: Sendable {
        let plan: RenderPlan
        let jobs: [Int]
        let generation: Int

        /// The rest's files, or nil when `stop` (asked between jobs and while the search index is
        /// made) said to stop: a newer save waits, and its update takes the rest over.
        /// `serially`: one job after another on the calling thread, instead of on every core.
        func render(until stop: @Sendable () -> Bool = { false }, serially: Bool = false) -> [RenderedJob]? {
            let plan = plan
            let render: @Sendable (Int) -> RenderedJob? = { plan.filesAndInputs(at: $0, stop: stop).map(RenderedJob.init) }
            let results = serially ? jobs.map(render) : jobs.parallelMap(render)
            var done: [RenderedJob] = []
            for result in results {
                guard let result else { return nil }
                done.append(result)
            }
            return done
        }
    }
}

/// A job's files as served (their text made bytes as soon as each job is done, so a whole
/// render does not hold every page twice), and what they were made from.
struct RenderedJob: Sendable {
    var files: [(path: String, data: Data)]
    var inputs: Set<RenderInput>

    init(_ rendered: (files: [OutputFile], inputs: Set<RenderInput>)) {
        files = rendered.files.map { ($0.path, Data($0.text.utf8)) }
        inputs = rendered.inputs
    }
}

extension PreviewWorkspace.State {
    /// Serves a job's new files and notes what they were read from. An index page reads
    /// thousands of inputs, mostly the same ones as last time: then the index of readers stands.
    mutating func keep(_ job: SiteRenderer.Job, _ key: String, _ result: RenderedJob) {
        for file in result.files { site.set(file.path, .rendered(file.data)) }
        let before = outputs[key]
        outputs[key] = PreviewWorkspace.Output(job: job, paths: result.files.map(\.path), inputs: result.inputs)
        guard before?.inputs != result.inputs else { return }
        for input in before?.inputs ?? [] { readers[input]?.remove(key) }
        for input in result.inputs { readers[input, default: []].insert(key) }
    }

    /// Renders the plan's jobs at `indices` and serves their files; returns the paths whose bytes
    /// differ from `old`'s.
    mutating func render(_ indices: [Int], comparedWith old: PreviewSite) -> Set<String> {
        let plan = self.plan
        return render(indices, indices.parallelMap { RenderedJob(plan.filesAndInputs(at: $0)) }, comparedWith: old)
    }

    /// Serves the files rendered for the plan's jobs at `indices`.
    mutating func render(_ indices: [Int], _ results: [RenderedJob], comparedWith old: PreviewSite)
        -> Set<String>
    {
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
    mutating func forget(_ key: String) -> [String] {
        guard let output = outputs.removeValue(forKey: key) else { return [] }
        for input in output.inputs { readers[input]?.remove(key) }
        return output.paths
    }
}
