import Yams

/// A YAML node with the place it was written. Scalars stay text: their meaning is decided by
/// the field that reads them, so `yes` stays `yes` and is never turned into `true`.
struct YAMLNode: Sendable {
    enum Value: Sendable {
        /// `plain` is false for quoted and block scalars (`"null"` is a string, `null` is not).
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    var value: Value
    var location: SourceLocation

    var isNull: Bool {
        if case .scalar(let text, true) = value { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    var kindName: String {
        switch value {
        case .scalar: isNull ? "null" : "a scalar"
        case .sequence: "a list"
        case .mapping: "a map"
        }
    }
}

enum YAMLTree {
    /// Parses `text`, which starts on line `firstLine` of the file at `path`.
    static func parse(_ text: String, path: String, firstLine: Int) -> Result<YAMLNode?, Diagnostic> {
        do {
            // The basic resolver leaves every scalar a string: fields decide what a value means.
            guard let node = try Yams.compose(yaml: text, .basic) else { return .success(nil) }
            return .success(convert(node, path: path, lineOffset: firstLine - 1))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, path: path, lineOffset: firstLine - 1))
        } catch {
            return .failure(
                Diagnostic(.error, "invalid YAML: \(error)", at: SourceLocation(path: path, line: firstLine)))
        }
    }

    private static func convert(_ node: Node, path: String, lineOffset: Int) -> YAMLNode {
        let mark = node.mark
        let location = SourceLocation(
            path: path, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
        switch node {
        case .scalar(let scalar):
            return YAMLNode(value: .scalar(scalar.string, plain: scalar.style == .plain), location: location)
        case .sequence(let sequence):
            return YAMLNode(
                value: .sequence(sequence.map { convert($0, path: path, lineOffset: lineOffset) }),
                location: location)
        case .mapping(let mapping):
            let pairs = mapping.map {
                (
                    key: convert($0.key, path: path, lineOffset: lineOffset),
                    value: convert($0.value, path: path, lineOffset: lineOffset)
                )
            }
            return YAMLNode(value: .mapping(pairs), location: location)
        case .alias:
            return YAMLNode(value: .scalar("", plain: true), location: location)
        }
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return Diagnostic(.error, "invalid YAML: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(.error, "duplicate key \(keys): each key may appear once", at: at(context.mark))
        default:
            return Diagnostic(.error, "invalid YAML: \(error)", at: SourceLocation(path: path, line: lineOffset + 1))
        }
    }
}
