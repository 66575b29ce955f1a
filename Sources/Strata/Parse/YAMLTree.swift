import Foundation
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
        if let excess = YAMLAliases.check(text) {
            return .failure(
                Diagnostic(
                    .error, excess.message,
                    at: SourceLocation(path: path, line: excess.line + firstLine - 1, column: excess.column)))
        }
        do {
            // The basic resolver leaves every scalar a string: fields decide what a value means.
            // UTF-8 is named rather than left to `Parser.Encoding.default`, which reads the process
            // environment on every call.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            return .success(convert(node, path: path, lineOffset: firstLine - 1))
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, in: text, path: path, lineOffset: firstLine - 1))
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

    private static func diagnostic(for error: YamlError, in text: String, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case .reader(let problem, let offset, let value, _):
            // libyaml's own text shows the offending line, raw bytes and all: say what it is instead.
            let location = offset.map { characterLocation($0, in: text, path: path, lineOffset: lineOffset) }
            return Diagnostic(
                .error, readerMessage(problem, value: value),
                at: location ?? SourceLocation(path: path, line: lineOffset + 1))
        case .parser(let context, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level reached"):
            return Diagnostic(
                .error, "invalid YAML: lists and maps nested more than 1000 levels deep; flatten them",
                at: at(context?.mark ?? mark))
        case .scanner(_, _, let mark, _) where line(mark.line, of: text)?.dropFirst(mark.column - 1).first == "\t":
            return Diagnostic(.error, "invalid YAML: a tab cannot indent YAML; indent with spaces", at: at(mark))
        case .scanner(_, let problem, let mark, _) where problem == "mapping values are not allowed in this context":
            return Diagnostic(.error, colonInValueMessage(line(mark.line, of: text)), at: at(mark))
        case .scanner(let context?, let problem, let mark, _), .parser(let context?, let problem, let mark, _),
            .composer(let context?, let problem, let mark, _):
            // "while scanning a quoted scalar": point where the unfinished thing starts (an open
            // quote or bracket), which is where the fix goes; libyaml notices only further on.
            return Diagnostic(
                .error,
                "invalid YAML: \(problem) \(context.text) that starts here "
                    + "(noticed at line \(mark.line + lineOffset), column \(mark.column)); is a quote or bracket left open?",
                at: at(context.mark))
        case .scanner(nil, let problem, let mark, _), .parser(nil, let problem, let mark, _),
            .composer(nil, let problem, let mark, _):
            return Diagnostic(.error, "invalid YAML: \(problem)", at: at(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            let second = duplicates.first.flatMap { secondKey($0, in: text, mapping: context.mark) }
            return Diagnostic(
                .error, "duplicate key \(keys): each key may appear once; remove or rename this one",
                at: second.map { SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column) }
                    ?? at(context.mark))
        default:
            return Diagnostic(.error, "invalid YAML: \(error)", at: SourceLocation(path: path, line: lineOffset + 1))
        }
    }

    /// The 1-based `number`th line of `text`, if there is one.
    private static func line(_ number: Int, of text: String) -> Substring? {
        let lines = text.split(separator: "\n", maxSplits: number, omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// `title: My Test: Network`: the second `: ` starts a key inside a value; quoting fixes it.
    private static func colonInValueMessage(_ line: Substring?) -> String {
        let base = "invalid YAML: a ': ' inside a value starts another key"
        guard let line, let separator = line.range(of: ": ") else { return base + "; put the value in quotes" }
        let key = line[..<separator.lowerBound]
        let value = line[separator.upperBound...].trimmingCharacters(in: .whitespaces)
        let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        return base + "; put the value in quotes: \(key.trimmingCharacters(in: .whitespaces)): \(quoted)"
    }

    private static func readerMessage(_ problem: String, value: Int32) -> String {
        guard problem == "control characters are not allowed" else { return "invalid YAML: \(problem)" }
        let digits = String(value, radix: 16, uppercase: true)
        let hex = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        let name = value == 0 ? "a NUL character (U+0000)" : "the control character U+\(hex)"
        return "invalid YAML: \(name) is not allowed here; delete it, or write it as \\u\(hex) inside double quotes"
    }

    /// The line and column of the `offset`-th character of `text` (libyaml counts characters here).
    private static func characterLocation(_ offset: Int, in text: String, path: String, lineOffset: Int)
        -> SourceLocation
    {
        var line = 1
        var column = 1
        for character in text.prefix(offset) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(path: path, line: line + lineOffset, column: column)
    }

    /// Where a key is written the second time in the block mapping that starts at `mapping`:
    /// the line that repeats it at the mapping's indentation. `nil` for flow mappings (`{a: 1, a: 2}`).
    private static func secondKey(_ key: String, in text: String, mapping: Mark) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = mapping.column - 1
        var seen = 0
        for (offset, line) in lines.enumerated() where offset + 1 >= mapping.line {
            let bytes = Array(line.utf8)
            guard bytes.count > indent, bytes[..<indent].allSatisfy({ $0 == UInt8(ascii: " ") }) else { continue }
            let rest = String(decoding: bytes[indent...], as: UTF8.self)
            let written = [key, "\"\(key)\"", "'\(key)'"]
            guard written.contains(where: { rest.hasPrefix($0 + ":") }) else { continue }
            seen += 1
            if seen == 2 { return (offset + 1, indent + 1) }
        }
        return nil
    }
}
