/// A JSON value with keys kept in the order they were written, serialized deterministically.
indirect enum JSONValue: Sendable {
    case string(String)
    case number(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// The value as indented JSON, written into one string rather than joined level by level.
    func serialized(indent: Int = 0) -> String {
        var output = ""
        write(into: &output, indent: indent)
        return output
    }

    private func write(into output: inout String, indent: Int) {
        switch self {
        case .string(let text): JSON.append(quoted: text, to: &output)
        case .number(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            if items.isEmpty {
                output += "[]"
                return
            }
            output += "[\n"
            for (offset, item) in items.enumerated() {
                if offset > 0 { output += ",\n" }
                Self.pad(&output, indent + 1)
                item.write(into: &output, indent: indent + 1)
            }
            output += "\n"
            Self.pad(&output, indent)
            output += "]"
        case .object(let pairs):
            if pairs.isEmpty {
                output += "{}"
                return
            }
            output += "{\n"
            for (offset, pair) in pairs.enumerated() {
                if offset > 0 { output += ",\n" }
                Self.pad(&output, indent + 1)
                JSON.append(quoted: pair.0, to: &output)
                output += ": "
                pair.1.write(into: &output, indent: indent + 1)
            }
            output += "\n"
            Self.pad(&output, indent)
            output += "}"
        }
    }

    private static func pad(_ output: inout String, _ level: Int) {
        for _ in 0..<level { output += "  " }
    }
}

/// JSON string literals, safe inside a `<script>` too: `<`, U+2028 and U+2029 are escaped.
enum JSON {
    /// Appends `text` as a JSON string literal; text with nothing to escape is copied as it is.
    static func append(quoted text: String, to output: inout String) {
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<")
                && byte != 0xE2
        }
        if plain {
            output += "\""
            output += text
            output += "\""
        } else {
            output += quote(text)
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
