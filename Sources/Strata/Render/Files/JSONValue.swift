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

    /// A walk over the UTF-8 bytes: every byte to escape is ASCII, or starts U+2028 or U+2029
    /// (E2 80 A8 and E2 80 A9).
    static func quote(_ text: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        let source = Array(text.utf8)
        var bytes: [UInt8] = [UInt8(ascii: "\"")]
        bytes.reserveCapacity(source.count + 8)
        var index = 0
        while index < source.count {
            let byte = source[index]
            index += 1
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case UInt8(ascii: "<"): bytes += Array("\\u003c".utf8)
            case 0xE2
            where index + 1 < source.count && source[index] == 0x80
                && (source[index + 1] == 0xA8 || source[index + 1] == 0xA9):
                bytes += Array("\\u202".utf8) + [source[index + 1] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")]
                index += 2
            case 0..<0x20: bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 15)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
        return String(decoding: bytes, as: UTF8.self)
    }
}
