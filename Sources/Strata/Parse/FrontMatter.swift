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
        let text = text.contains("\r\n") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = lines.first, first.trimmingSpaces == "---" else { return nil }
        for index in 1..<lines.count where lines[index].trimmingSpaces == "---" {
            let yaml = lines[1..<index].joined(separator: "\n")
            let body = index + 1 < lines.count ? String(text[lines[index + 1].startIndex...]) : ""
            return FrontMatter(yaml: yaml, body: body, bodyLineOffset: index + 1)
        }
        return nil
    }
}
