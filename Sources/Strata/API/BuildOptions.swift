import Foundation

/// What `strata build` and `strata check` are asked to do.
public struct BuildOptions: Sendable {
    /// The site root: the folder holding content/ and templates/.
    public var root: String
    /// Where the site goes; `ROOT/public` by default.
    public var output: String
    public var includeDrafts: Bool
    /// Warnings count as errors.
    public var strict: Bool
    /// The day stale reviews are measured against, `YYYY-MM-DD`. By default `SOURCE_DATE_EPOCH` if set, else today.
    public var today: String?

    public init(
        root: String, output: String? = nil, includeDrafts: Bool = false, strict: Bool = false, today: String? = nil
    ) {
        let absoluteRoot = Self.absolute(root)
        self.root = absoluteRoot
        self.output = output.map(Self.absolute) ?? (absoluteRoot as NSString).appendingPathComponent("public")
        self.includeDrafts = includeDrafts
        self.strict = strict
        self.today = today
    }

    var day: Day {
        if let today, let day = Day(today) { return day }
        let environment = Foundation.ProcessInfo.processInfo.environment
        let seconds = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) ?? Int(Date().timeIntervalSince1970)
        return Day(daysSinceEpoch: seconds / 86_400)
    }

    /// The absolute path, with `.`, `..` and repeated or trailing slashes resolved by the letters
    /// alone, as a shell does. Symlinks are left in place: Foundation's `standardizingPath` on Linux
    /// resolves a relative symlink against the current folder instead of the link's own, so the
    /// output guard resolves them itself.
    static func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        let full = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        var parts: [Substring] = []
        for part in full.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }
}

/// What a successful build did.
public struct BuildReport: Sendable {
    public var pagesWritten: Int
    public var filesWritten: Int
    /// Warnings, in report order (a strict build fails instead of returning them).
    public var warnings: [Diagnostic]
    public var seconds: Double
    /// For the preview: how many of its files a save rendered again (nil for a whole build).
    public var rendered: Int? = nil

    /// The one line `strata build` ends with; the preview's says how much it rendered again.
    public var summary: String {
        let time = String(format: "%.2f", seconds)
        guard let rendered else { return "\(pagesWritten) pages written, \(warnings.tally(.warning)), \(time) s" }
        return "\(pagesWritten) pages, \(rendered) of \(filesWritten) files rendered again, \(warnings.tally(.warning)), \(time) s"
    }
}
