/// The tokens `HTMLNormalizer` reads an HTML fragment as, and the character references it decodes.
extension HTMLNormalizer {
    enum Token {
        case text(String)
        /// A character reference: what it decodes to, or `nil` to keep it as written.
        case reference(String?, raw: String)
        case startTag(String, attributes: [(String, String)], selfClosing: Bool)
        case endTag(String)
        /// A comment, declaration, processing instruction or CDATA section, as written.
        case verbatim(String)
    }

    /// Reads tokens off the bytes of an HTML fragment.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func next() -> Token? {
            guard index < bytes.count else { return nil }
            let start = index
            if bytes[index] == UInt8(ascii: "<"), let token = markup() { return token }
            index = start
            if bytes[index] == UInt8(ascii: "&"), let token = reference() { return token }
            index = start + 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "<"), bytes[index] != UInt8(ascii: "&") {
                index += 1
            }
            return .text(text(start..<index))
        }

        // MARK: Markup

        private mutating func markup() -> Token? {
            let start = index
            for (open, close) in [("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", ">")] where has(open) {
                guard let end = find(close, from: index + open.utf8.count) else { return nil }
                index = end
                return .verbatim(text(start..<end))
            }
            if has("<!"), index + 2 < bytes.count, isLetter(bytes[index + 2]) {
                guard let end = find(">", from: index + 2) else { return nil }
                index = end
                return .verbatim(text(start..<end))
            }
            index += 1
            let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
            if closing { index += 1 }
            guard let name = tagName() else { return nil }
            if closing {
                skipWhiteSpace()
                guard take(">") else { return nil }
                return .endTag(name)
            }
            var attributes: [(String, String)] = []
            while true {
                let hadSpace = skipWhiteSpace()
                if take(">") { return .startTag(name, attributes: attributes, selfClosing: false) }
                if take("/>") { return .startTag(name, attributes: attributes, selfClosing: true) }
                guard hadSpace, let attribute = attribute() else { return nil }
                attributes.append(attribute)
            }
        }

        private mutating func tagName() -> String? {
            guard index < bytes.count, isLetter(bytes[index]) else { return nil }
            let start = index
            while index < bytes.count, isLetter(bytes[index]) || isDigit(bytes[index]) || bytes[index] == 0x2D {
                index += 1
            }
            return text(start..<index).lowercased()
        }

        private mutating func attribute() -> (String, String)? {
            let start = index
            while index < bytes.count, !isSpace(bytes[index]), !"\"'>/=<".utf8.contains(bytes[index]) { index += 1 }
            guard index > start else { return nil }
            let name = text(start..<index).lowercased()
            let beforeValue = index
            skipWhiteSpace()
            guard take("=") else {
                index = beforeValue
                return (name, "")
            }
            skipWhiteSpace()
            guard index < bytes.count else { return nil }
            let quote = bytes[index]
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                let valueStart = index + 1
                guard let close = bytes[valueStart...].firstIndex(of: quote) else { return nil }
                index = close + 1
                return (name, HTMLNormalizer.decodingReferences(text(valueStart..<close)))
            }
            let valueStart = index
            while index < bytes.count, !isSpace(bytes[index]), !"\"'=<>`".utf8.contains(bytes[index]) { index += 1 }
            guard index > valueStart else { return nil }
            return (name, HTMLNormalizer.decodingReferences(text(valueStart..<index)))
        }

        // MARK: References

        private mutating func reference() -> Token? {
            let start = index
            guard let end = bytes[start...].prefix(40).firstIndex(of: UInt8(ascii: ";")) else { return nil }
            let raw = text(start..<(end + 1))
            guard let decoded = HTMLNormalizer.decodeReference(raw) else {
                guard raw.dropFirst().dropLast().allSatisfy({ $0.isLetter || $0.isNumber || $0 == "#" }) else {
                    return nil
                }
                index = end + 1
                return .reference(nil, raw: raw)
            }
            index = end + 1
            return .reference(decoded, raw: raw)
        }

        // MARK: Bytes

        private func has(_ prefix: String) -> Bool {
            let needle = Array(prefix.utf8)
            return index + needle.count <= bytes.count && Array(bytes[index..<(index + needle.count)]) == needle
        }

        /// The index just past the first `needle` at or after `from`.
        private func find(_ needle: String, from: Int) -> Int? {
            let needle = Array(needle.utf8)
            var position = from
            while position + needle.count <= bytes.count {
                if Array(bytes[position..<(position + needle.count)]) == needle { return position + needle.count }
                position += 1
            }
            return nil
        }

        private mutating func take(_ literal: String) -> Bool {
            guard has(literal) else { return false }
            index += literal.utf8.count
            return true
        }

        @discardableResult
        private mutating func skipWhiteSpace() -> Bool {
            let start = index
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            return index > start
        }

        private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        private func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        private func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    }

    /// `&amp;`, `&lt;`, `&gt;`, `&quot;` and numeric references decoded; `nil` for anything else.
    static func decodeReference(_ raw: String) -> String? {
        let body = raw.dropFirst().dropLast()
        switch body {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        default: break
        }
        guard body.first == "#" else { return nil }
        let digits = body.dropFirst()
        let value: UInt32? =
            digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
        guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
        return String(Character(scalar))
    }

    /// An attribute value with its character references decoded as `decodeReference` does.
    static func decodingReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var result = ""
        var rest = Substring(value)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            rest = rest[ampersand...]
            if let semicolon = rest.prefix(40).firstIndex(of: ";"),
                let decoded = decodeReference(String(rest[...semicolon]))
            {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest.dropFirst()
            }
        }
        return result + rest
    }
}
