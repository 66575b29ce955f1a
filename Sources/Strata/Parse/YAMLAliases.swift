import CYaml

/// Bounds what YAML aliases expand to, before the tree is built.
///
/// Yams shares an anchored node between its aliases, but everything that walks the tree after it
/// copies: nine levels of ten aliases each (a "billion laughs", 373 bytes) would become 10⁹
/// values. libyaml's events give each alias's place; the count here is exact and costs one
/// extra pass, made only when the text holds a `*`.
enum YAMLAliases {
    static let maxAliases = 100
    /// Values that aliases add to the document, counted with the aliases inside what they copy.
    static let maxExpandedValues = 10_000

    struct Excess: Error, Equatable {
        var message: String
        /// 1-based, in the YAML text.
        var line: Int
        var column: Int
    }

    /// The first alias past a limit; `nil` when there is none, or when the text does not parse
    /// (the parse that follows reports that).
    static func check(_ text: String) -> Excess? {
        guard ByteSearch.contains(UInt8(ascii: "*"), in: text) else { return nil }
        var bytes = Array(text.utf8)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var counter = Counter()
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let type = event.type
                if type == YAML_STREAM_END_EVENT { return nil }
                if let excess = counter.add(event) { return excess }
            }
            return nil
        }
    }

    /// Sizes of anchored values (in values, their aliases expanded) and of the collections still open.
    private struct Counter {
        private var sizes: [String: Int] = [:]
        private var open: [(anchor: String?, size: Int)] = []
        private var aliases = 0
        private var expanded = 0

        mutating func add(_ event: yaml_event_t) -> Excess? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                close(anchor: name(event.data.scalar.anchor), size: 1)
            case YAML_SEQUENCE_START_EVENT:
                open.append((name(event.data.sequence_start.anchor), 1))
            case YAML_MAPPING_START_EVENT:
                open.append((name(event.data.mapping_start.anchor), 1))
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                if let last = open.popLast() { close(anchor: last.anchor, size: last.size) }
            case YAML_ALIAS_EVENT:
                guard let anchor = name(event.data.alias.anchor), let size = sizes[anchor] else { return nil }
                aliases += 1
                expanded += size
                let line = Int(event.start_mark.line) + 1
                let column = Int(event.start_mark.column) + 1
                if aliases > maxAliases {
                    return Excess(
                        message: "more than \(maxAliases) YAML aliases; write the values out instead",
                        line: line, column: column)
                }
                if expanded > maxExpandedValues {
                    return Excess(
                        message: "the YAML alias '*\(anchor)' makes the aliases expand to more than "
                            + "\(maxExpandedValues) values (aliases of aliases multiply); write the values out instead",
                        line: line, column: column)
                }
                close(anchor: nil, size: size)
            default:
                break
            }
            return nil
        }

        /// A value of `size` is complete: it counts toward the collection it is in.
        private mutating func close(anchor: String?, size: Int) {
            if let anchor { sizes[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size += size }
        }

        private func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
