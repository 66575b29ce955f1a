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
    /// Windows line ends are read as "\n".
    static func split(_ text: String) -> FrontMatter? {
        let text = ByteSearch.contains(UInt8(ascii: "\r"), in: text) ? text.replacingOccurrences(of: "\r\n", with: "\n") : text
        let bytes = text.utf8
        var lineStart = bytes.startIndex
        var yamlStart: String.Index?
        var lineCount = 0
        while true {
            let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n"))
            let lineEnd = newline ?? bytes.endIndex
            let isRule = isDelimiter(text[lineStart..<lineEnd])
            if let yamlStart {
                if isRule {
                    // The YAML is the lines between the rules, without the last line's "\n".
                    let yamlEnd = lineStart > yamlStart ? bytes.index(before: lineStart) : yamlStart
                    let body = newline.map { String(text[bytes.index(after: $0)...]) } ?? ""
                    return FrontMatter(
                        yaml: String(text[yamlStart..<yamlEnd]), body: body, bodyLineOffset: lineCount + 1)
                }
            } else {
                guard isRule, let newline else { return nil }
                yamlStart = bytes.index(after: newline)
            }
            lineCount += 1
            guard let newline else { return nil }
            lineStart = bytes.index(after: newline)
        }
    }

    /// Whether a line is `---`, with any spaces around it.
    private static func isDelimiter(_ line: Substring) -> Bool {
        let bytes = line.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        // Most lines are YAML (`title: …`): an ASCII first byte that is neither `-` nor a space settles it.
        if let first = bytes.first, first < 0x80, first != UInt8(ascii: "-"), !isSpace(first) { return false }
        guard bytes.count >= 3 else { return false }
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return line.trimmingSpaces == "---" }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }),
            let last = bytes.lastIndex(where: { !isSpace($0) })
        else { return false }
        return bytes[first...last].elementsEqual("---".utf8)
    }
}
