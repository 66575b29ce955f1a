/// One problem found in the site, printed as `path:line:column: severity: message`.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// Diagnostics are reported in file order, then by position, then by text.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        return lhs.message < rhs.message
    }
}

extension Collection<Diagnostic> {
    /// How many of them have `severity`, in words: "1 error", "3 warnings", "0 errors".
    public func tally(_ severity: Diagnostic.Severity) -> String {
        let count = filter { $0.severity == severity }.count
        return count == 1 ? "1 \(severity.rawValue)" : "\(count) \(severity.rawValue)s"
    }
}

/// Collects the diagnostics of one stage.
struct Diagnostics: Sendable {
    private(set) var all: [Diagnostic] = []

    mutating func error(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.error, message, at: location))
    }

    mutating func warning(_ message: String, at location: SourceLocation) {
        all.append(Diagnostic(.warning, message, at: location))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }

    var hasErrors: Bool { all.contains { $0.severity == .error } }
}
