/// One problem found in the site, printed as `path:line:column: severity: message`.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String

    /// Control characters quoted from the input (a NUL, an escape sequence that would drive the
    /// terminal) are written as `<U+001B>`, so a message is one plain line.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.severity = severity
        self.message = Self.showingControlCharacters(message)
        self.location = location
    }

    static func showingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                let digits = String(scalar.value, radix: 16, uppercase: true)
                result += "<U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + ">"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A file name may hold control characters too; they are shown the same way.
    public var description: String {
        "\(Self.showingControlCharacters(location.description)): \(severity.rawValue): \(message)"
    }

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
