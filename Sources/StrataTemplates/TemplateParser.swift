/// Parses one template's source into compiled nodes, line by line and without recursion, so
/// no template can exhaust the stack. Lines that hold only whitespace and tags such as
/// `{{#section}}` are "standalone" and leave no trace, as the Mustache spec says.
struct TemplateParser {
    /// How deep sections, blocks and parents may nest.
    static let maximumDepth = 100

    private let template: String
    private let bytes: [UInt8]
    private let resolve: (String) -> Int?
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var open = Array("{{".utf8)
    private var close = Array("}}".utf8)
    private var builder: TemplateTreeBuilder
    /// The next line break at or after `position` (`bytes.count` if none), found once per line.
    private var nextNewline: Int?
    /// The next opening delimiter at or after `position` (`bytes.count` if none).
    private var nextTag: Int?
    /// The last column worked out, so columns along one long line cost no more than the line.
    private var columnMark = (offset: 0, column: 1)

    private enum Item {
        case text(String)
        case tag(TemplateTag)
    }

    /// - Parameters:
    ///   - template: the template's name, for errors.
    ///   - resolve: the library's number for a partial's name, or nil if it has none.
    init(template: String, source: String, resolve: @escaping (String) -> Int?) {
        self.template = template
        bytes = Array(source.utf8)
        self.resolve = resolve
        builder = TemplateTreeBuilder(template: template, resolve: resolve)
    }

    static func parse(_ source: String, template: String, resolve: @escaping (String) -> Int?) throws(TemplateError)
        -> [TemplateNode]
    {
        var parser = TemplateParser(template: template, source: source, resolve: resolve)
        return try parser.parse()
    }

    private mutating func parse() throws(TemplateError) -> [TemplateNode] {
        var items: [Item] = []
        while position < bytes.count {
            if nextNewline.map({ $0 < position }) ?? true {
                nextNewline = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            }
            let newline = nextNewline.flatMap { $0 < bytes.count ? $0 : nil }
            if nextTag.map({ $0 < position }) ?? true {
                nextTag = firstIndex(of: open, from: position) ?? bytes.count
            }
            let tag = nextTag.flatMap { $0 < bytes.count ? $0 : nil }
            if let newline, tag.map({ newline < $0 }) ?? true {
                items.append(.text(string(position..<newline + 1)))
                position = newline + 1
                try finish(line: items)
                items.removeAll(keepingCapacity: true)
                line += 1
                lineStart = position
            } else if let tag {
                if tag > position { items.append(.text(string(position..<tag))) }
                items.append(.tag(try readTag(at: tag)))
            } else {
                items.append(.text(string(position..<bytes.count)))
                position = bytes.count
            }
        }
        if !items.isEmpty { try finish(line: items) }
        return try builder.finish()
    }

    // MARK: Lines

    private mutating func finish(line items: [Item]) throws(TemplateError) {
        let tags = items.compactMap { item -> TemplateTag? in
            if case .tag(let tag) = item { return tag }
            return nil
        }
        let blank = items.allSatisfy { item in
            if case .text(let text) = item { return text.utf8.allSatisfy(Self.isWhitespace) }
            return true
        }
        let standalone =
            blank && !tags.isEmpty && tags.allSatisfy(\.canStandAlone) && (tags.count == 1 || onlyInheritance(tags))
        if standalone {
            var indentation = ""
            if case .text(let text)? = items.first { indentation = text }
            var blocksOpened = 0
            var blockClosedOnLine = false
            for tag in tags {
                if tag.kind == .block { blocksOpened += 1 }
                if tag.kind == .close, blocksOpened > 0, builder.innermostIsBlock {
                    blocksOpened -= 1
                    blockClosedOnLine = true
                }
                try builder.add(tag, indentation: indentation)
            }
            // A block opened and closed on one line stands for that line: the line break stays.
            if blockClosedOnLine, case .text(let text)? = items.last, text.hasSuffix("\n") {
                builder.text(text.hasSuffix("\r\n") ? "\r\n" : "\n")
            }
            return
        }
        for (offset, item) in items.enumerated() {
            switch item {
            case .text(var text):
                if offset == 0 {
                    let leading = String(
                        decoding: text.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") },
                        as: UTF8.self)
                    builder.lineStart(leading)
                    text.removeFirst(leading.count)
                }
                if !text.isEmpty { builder.text(text) }
            case .tag(let tag):
                if offset == 0 { builder.lineStart("") }
                try builder.add(tag, indentation: nil)
            }
        }
    }

    /// Whether a line's tags all open or close parents and blocks: such a line stands alone
    /// even with several tags on it (`{{<layout}}{{$body}}`).
    private func onlyInheritance(_ tags: [TemplateTag]) -> Bool {
        var open = builder.openKinds
        for tag in tags {
            switch tag.kind {
            case .parent, .block: open.append(tag.kind)
            case .close:
                guard let kind = open.popLast(), kind == .parent || kind == .block else { return false }
            default: return false
            }
        }
        return true
    }

    // MARK: Tags

    private mutating func readTag(at start: Int) throws(TemplateError) -> TemplateTag {
        let location = self.location(of: start)
        var inner = start + open.count
        let sigil = inner < bytes.count ? bytes[inner] : 0
        let end: Int
        let kind: TemplateTag.Kind
        switch sigil {
        case UInt8(ascii: "="):
            guard let found = firstIndex(of: [UInt8(ascii: "=")] + close, from: inner + 1) else {
                throw unclosed(location)
            }
            end = found + 1 + close.count
            try setDelimiters(string(inner + 1..<found), at: location)
            advance(to: end)
            return TemplateTag(kind: .delimiters, name: "", location: location)
        case UInt8(ascii: "{"):
            guard let found = firstIndex(of: [UInt8(ascii: "}")] + close, from: inner + 1) else {
                throw unclosed(location, closer: "}" + String(decoding: close, as: UTF8.self))
            }
            inner += 1
            end = found
            kind = .variable(escaped: false)
            advance(to: found + 1 + close.count)
        default:
            guard let found = firstIndex(of: close, from: inner) else { throw unclosed(location) }
            end = found
            switch sigil {
            case UInt8(ascii: "!"): kind = .comment
            case UInt8(ascii: "#"): kind = .section
            case UInt8(ascii: "^"): kind = .inverted
            case UInt8(ascii: "/"): kind = .close
            case UInt8(ascii: ">"): kind = .partial
            case UInt8(ascii: "<"): kind = .parent
            case UInt8(ascii: "$"): kind = .block
            case UInt8(ascii: "&"): kind = .variable(escaped: false)
            default: kind = .variable(escaped: true)
            }
            if kind != .variable(escaped: true) { inner += 1 }
            advance(to: found + close.count)
        }
        if kind == .comment { return TemplateTag(kind: .comment, name: "", location: location) }
        let name = string(inner..<end).trimmingWhitespace
        if name.isEmpty {
            throw TemplateError("this tag has no name", in: template, at: location)
        }
        if name.utf8.contains(where: Self.isWhitespace) {
            throw TemplateError(
                "'\(name)' is not a name: a tag holds one name, without spaces", in: template, at: location)
        }
        return TemplateTag(kind: kind, name: name, location: location)
    }

    private mutating func setDelimiters(_ text: String, at location: TemplateLocation) throws(TemplateError) {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw TemplateError(
                "a delimiter change names two delimiters without '=' in them, as in {{=<% %>=}}", in: template,
                at: location)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
        nextTag = nil
    }

    private func unclosed(_ location: TemplateLocation, closer: String? = nil) -> TemplateError {
        let closer = closer ?? String(decoding: close, as: UTF8.self)
        return TemplateError(
            "this tag is not closed: end it with '\(closer)'", in: template, at: location)
    }

    /// Moves past a tag, counting the line breaks inside it (a comment may span lines).
    private mutating func advance(to end: Int) {
        for index in position..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        position = end
    }

    // MARK: Bytes

    private mutating func location(of offset: Int) -> TemplateLocation {
        var (from, column) = columnMark.offset >= lineStart && columnMark.offset <= offset ? columnMark : (lineStart, 1)
        for index in from..<offset where bytes[index] & 0xC0 != 0x80 { column += 1 }
        columnMark = (offset, column)
        return TemplateLocation(line: line, column: column)
    }

    private func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func firstIndex(of needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
            || byte == UInt8(ascii: "\r")
    }
}

extension String {
    var trimmingWhitespace: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !TemplateParser.isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !TemplateParser.isWhitespace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
