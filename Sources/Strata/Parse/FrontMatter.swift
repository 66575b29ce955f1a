import Foundation

/// Splits a Markdown file into its YAML front matter and its body.
struct FrontMatter: Sendable {
    /// The YAML between the `---` lines.
    var yaml: String
    /// The line of the file on which the YAML starts.
    static let yamlFirstLine = 2
    var body: String
    /// Lines of the file before the body.
    var bodyLineOffset: Int

    /// Returns `nil` when the file does not start with a `---` line or the block is never closed.
    /// Windows line ends are read as "\n" (Swift treats "\r\n" as one Character).
    static func split(_ text: String) -> FrontMatter? {
        let text = text.utf8.contains(UInt8(ascii: "\r")) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        var lines: [Substring] = []
        var rest = text[...]
        while let newline = rest.firstIndex(of: "\n") {
            let line = rest[..<newline]
            rest = rest[rest.index(after: newline)...]
            if lines.isEmpty {
                guard line.trimmingSpaces == "---" else { return nil }
            } else if line.trimmingSpaces == "---" {
                let yaml = lines.dropFirst().joined(separator: "\n")
                return FrontMatter(yaml: yaml, body: String(rest), bodyLineOffset: lines.count + 1)
            }
            lines.append(line)
        }
        if !lines.isEmpty, rest.trimmingSpaces == "---" {
            return FrontMatter(
                yaml: lines.dropFirst().joined(separator: "\n"), body: "", bodyLineOffset: lines.count + 1)
        }
        return nil
    }
}
