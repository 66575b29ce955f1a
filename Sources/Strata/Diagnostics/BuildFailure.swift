/// Thrown when the site cannot be built: every diagnostic found, in report order, or one
/// problem outside the site's files.
public struct BuildFailure: Error, Sendable, CustomStringConvertible {
    /// A failure that no file of the site is to blame for: one line, without a location.
    public enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// The output folder was refused before anything was read or written.
        case unsafeOutput(String)
        /// The disk refused a write (full, read-only, permission denied); the output is as it was.
        case fileSystem(String)

        public var description: String {
            switch self {
            case .unsafeOutput(let message), .fileSystem(let message): message
            }
        }
    }

    public var diagnostics: [Diagnostic]
    public var problem: Problem?

    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted()
    }

    public init(_ problem: Problem) {
        self.diagnostics = []
        self.problem = problem
    }

    /// The lines to show: `error: ...` for a problem, else each diagnostic.
    public var lines: [String] {
        if let problem { return ["error: \(problem)"] }
        return diagnostics.map(\.description)
    }

    public var description: String { lines.joined(separator: "\n") }

    /// How many errors, in words: "1 error", "3 errors".
    public var tally: String { problem == nil ? diagnostics.tally(.error) : "1 error" }
}
