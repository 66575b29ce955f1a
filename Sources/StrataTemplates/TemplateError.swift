/// A problem with a template, at the place in its source where it was written.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The template's name in its library (`page`, `partials/stack`).
    public var template: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(template: String, line: Int, column: Int, message: String) {
        self.template = template
        self.line = line
        self.column = column
        self.message = message
    }

    init(_ message: String, in template: String, at location: TemplateLocation) {
        self.init(template: template, line: location.line, column: location.column, message: message)
    }

    public var description: String { "\(template):\(line):\(column): \(message)" }
}

/// A 1-based line and column (in Unicode scalars) in a template's source.
public struct TemplateLocation: Sendable, Hashable {
    public var line: Int
    public var column: Int
}
