/// GitHub's alerts: a quote whose first line is `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`,
/// `[!WARNING]` or `[!CAUTION]` (in any case) and nothing else, followed by its text.
enum Alert: String, Sendable, CaseIterable {
    case note, tip, important, warning, caution

    var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The alert a quote's blocks make, and the blocks without the marker; nil for a plain quote.
    static func of(_ blocks: [Block]) -> (Alert, [Block])? {
        guard case .paragraph(let inlines)? = blocks.first, case .text(let first)? = inlines.first,
            first.hasPrefix("[!"), let close = first.firstIndex(of: "]")
        else { return nil }
        let marker = first[first.index(first.startIndex, offsetBy: 2)..<close].lowercased()
        guard let alert = Alert(rawValue: marker) else { return nil }
        // The marker must be alone on its line: nothing but spaces after it before the line ends.
        let restOfText = first[first.index(after: close)...]
        guard restOfText.allSatisfy({ $0 == " " || $0 == "\t" }) else { return nil }
        var rest = Array(inlines.dropFirst())
        switch rest.first {
        case .softBreak?, .lineBreak?: rest.removeFirst()
        case nil: break
        default: return nil
        }
        let body = (rest.isEmpty ? [] : [Block.paragraph(rest)]) + blocks.dropFirst()
        // A marker with nothing after it is plain text, as on GitHub.
        guard !body.isEmpty else { return nil }
        return (alert, body)
    }
}
