/// Finds `[[wikilinks]]` and `[@citations]` in the text of one run of text nodes.
/// cmark splits text at entities and escapes, so each text node keeps its own start: a column is
/// counted from the node it falls in, not from the start of the run.
enum InlineScanner {
    struct NodeStart {
        /// Byte offset of the node in the run's text.
        var offset: Int
        var location: SourceLocation
    }

    static func scan(_ text: String, nodes: [NodeStart]) -> [Inline] {
        let bytes = Array(text.utf8)
        guard bytes.contains(UInt8(ascii: "[")) else { return [.text(text)] }
        var result: [Inline] = []
        var plainStart = 0
        var index = 0
        func flush(upTo end: Int) {
            if end > plainStart { result.append(.text(String(decoding: bytes[plainStart..<end], as: UTF8.self))) }
        }
        func location(at offset: Int) -> SourceLocation {
            let node = nodes.last { $0.offset <= offset } ?? nodes[0]
            var location = node.location
            location.column += offset - node.offset
            return location
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            if let (inline, end) = wikilink(bytes, at: index, location: location(at: index))
                ?? citation(bytes, at: index, location: location(at:))
            {
                flush(upTo: index)
                result.append(inline)
                index = end
                plainStart = end
            } else {
                index += 1
            }
        }
        flush(upTo: bytes.count)
        return result
    }

    /// `[[target]]` or `[[target|label]]`, with no brackets or line breaks inside.
    private static func wikilink(_ bytes: [UInt8], at start: Int, location: SourceLocation) -> (Inline, Int)? {
        guard start + 1 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var end = start + 2
        while end + 1 < bytes.count {
            let byte = bytes[end]
            if byte == UInt8(ascii: "]") {
                guard bytes[end + 1] == UInt8(ascii: "]"), end > start + 2 else { return nil }
                let inside = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
                let parts = inside.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
                let target = parts[0].trimmingSpaces
                let label = parts.count > 1 ? parts[1].trimmingSpaces : nil
                return (.wikilink(target: target, label: label, location: location), end + 2)
            }
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\n") { return nil }
            end += 1
        }
        return nil
    }

    /// `[@id]` or `[@a; @b]` (spaces around `;` optional), where an id is letters, digits and `-_.:`.
    private static func citation(
        _ bytes: [UInt8], at start: Int, location: (Int) -> SourceLocation
    ) -> (Inline, Int)? {
        var citations: [Citation] = []
        var at = start + 1
        while at < bytes.count, bytes[at] == UInt8(ascii: "@") {
            var end = at + 1
            while end < bytes.count, isIDByte(bytes[end]) { end += 1 }
            guard end > at + 1 else { return nil }
            let id = String(decoding: bytes[(at + 1)..<end], as: UTF8.self)
            citations.append(Citation(id: id, location: location(citations.isEmpty ? start : at)))
            while end < bytes.count, bytes[end] == UInt8(ascii: " ") { end += 1 }
            guard end < bytes.count else { return nil }
            if bytes[end] == UInt8(ascii: "]") { return (.citation(citations), end + 1) }
            guard bytes[end] == UInt8(ascii: ";") else { return nil }
            at = end + 1
            while at < bytes.count, bytes[at] == UInt8(ascii: " ") { at += 1 }
        }
        return nil
    }

    private static func isIDByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."), UInt8(ascii: ":"):
            true
        default: false
        }
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text.removeFirst() }
        while text.last?.isWhitespace == true { text.removeLast() }
        return String(text)
    }
}
