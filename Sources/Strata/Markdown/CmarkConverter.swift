import CCmarkGFM

/// Turns a cmark-gfm node tree into `MarkdownDocument` values.
/// Wikilinks and citations are found here, in text nodes only, so code is never touched.
/// Headings get their ids here, in the order they are rendered.
///
/// The walk goes one call deeper per level of the tree and stops at `MarkdownLimits.maxDepth`:
/// what lies below is left out and the document records where the limit was passed, so no later
/// walk over the Swift values can run out of stack.
struct CmarkConverter {
    let path: String
    let lineOffset: Int
    /// The Markdown's lines, to find the exact column of a wikilink or citation: cmark merges the
    /// text around entities and escapes, so a column counted in the decoded text can fall short.
    let source: SourceLines
    private var headingIDs = HeadingIDs()
    private var tooDeep: SourceLocation?

    init(path: String, lineOffset: Int, source: SourceLines) {
        self.path = path
        self.lineOffset = lineOffset
        self.source = source
    }

    mutating func document(_ root: OpaquePointer) -> MarkdownDocument {
        var blocks: [Block] = []
        var definitions: [OpaquePointer] = []
        for node in children(of: root) {
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                definitions.append(node)
            } else if let block = block(node, depth: 1) {
                blocks.append(block)
            }
        }
        // Footnotes are rendered after the body, so their headings are numbered after its headings.
        // cmark-gfm numbers footnotes by first reference and orders the definitions so.
        var footnotes: [Footnote] = []
        for (index, node) in definitions.enumerated() {
            footnotes.append(Footnote(label: String(index + 1), blocks: self.blocks(of: node, depth: 1)))
        }
        return MarkdownDocument(blocks: blocks, footnotes: footnotes, tooDeep: tooDeep)
    }

    /// Whether `node`, at `depth`, is past the limit; the first such place is remembered.
    private mutating func isTooDeep(_ node: OpaquePointer, depth: Int) -> Bool {
        guard depth > MarkdownLimits.maxDepth else { return false }
        if tooDeep == nil { tooDeep = location(of: node) }
        return true
    }

    // MARK: Blocks

    private mutating func blocks(of node: OpaquePointer, depth: Int) -> [Block] {
        var result: [Block] = []
        for child in children(of: node) {
            if let block = block(child, depth: depth + 1) { result.append(block) }
        }
        return result
    }

    private mutating func block(_ node: OpaquePointer, depth: Int) -> Block? {
        if isTooDeep(node, depth: depth) { return nil }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node, depth: depth))
        case CMARK_NODE_HEADING:
            let content = inlines(of: node, depth: depth)
            return .heading(
                level: Int(cmark_node_get_heading_level(node)), id: headingIDs.next(for: content.plainText),
                content: content, location: location(of: node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(of: node, depth: depth))
        case CMARK_NODE_LIST:
            var items: [ListItem] = []
            for item in children(of: node) where !isTooDeep(item, depth: depth + 1) {
                items.append(ListItem(task: taskState(item), blocks: blocks(of: item, depth: depth + 1)))
            }
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)),
                tight: cmark_node_get_list_tight(node) != 0, items: items)
        case CMARK_NODE_CODE_BLOCK:
            return .codeBlock(info: string(cmark_node_get_fence_info(node)), code: literal(node))
        case CMARK_NODE_HTML_BLOCK:
            return .html(literal(node), location: location(of: node))
        case CMARK_NODE_THEMATIC_BREAK:
            return .thematicBreak
        default:
            if typeName(node) == "table" { return .table(table(node, depth: depth)) }
            return nil
        }
    }

    private func taskState(_ item: OpaquePointer) -> Bool? {
        guard typeName(item) == "tasklist" else { return nil }
        return cmark_gfm_extensions_get_tasklist_item_checked(item)
    }

    /// A table's cells are two levels below it (row, cell); they hold inlines only.
    private mutating func table(_ node: OpaquePointer, depth: Int) -> Table {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [Table.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for index in 0..<columns {
                switch UInt8(raw[index]) {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        var header: [[Inline]] = []
        var rows: [[[Inline]]] = []
        for row in children(of: node) {
            var cells: [[Inline]] = []
            for cell in children(of: row) { cells.append(inlines(of: cell, depth: depth + 2)) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    // MARK: Inlines

    /// The inlines inside `node`, which is at `depth`.
    private mutating func inlines(of node: OpaquePointer, depth: Int) -> [Inline] {
        var result: [Inline] = []
        var pendingText = ""
        var pendingStarts: [InlineScanner.NodeStart] = []
        func flushText() {
            guard !pendingStarts.isEmpty else { return }
            result.append(contentsOf: InlineScanner.scan(pendingText, nodes: pendingStarts).map(locatedInSource))
            pendingText = ""
            pendingStarts = []
        }
        let depth = depth + 1
        for child in children(of: node) {
            if cmark_node_get_type(child) == CMARK_NODE_TEXT {
                pendingStarts.append(.init(offset: pendingText.utf8.count, location: location(of: child)))
                pendingText += literal(child)
                continue
            }
            flushText()
            if let inline = inline(child, depth: depth) { result.append(inline) }
        }
        flushText()
        return result
    }

    private mutating func inline(_ node: OpaquePointer, depth: Int) -> Inline? {
        if isTooDeep(node, depth: depth) { return nil }
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node), location: location(of: node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node, depth: depth))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node, depth: depth))
        case CMARK_NODE_LINK: return .link(target(node), inlines(of: node, depth: depth))
        case CMARK_NODE_IMAGE: return .image(target(node), inlines(of: node, depth: depth))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: literal(node))  // its number
        default:
            if typeName(node) == "strikethrough" { return .strikethrough(inlines(of: node, depth: depth)) }
            return nil
        }
    }

    private func target(_ node: OpaquePointer) -> LinkTarget {
        LinkTarget(
            destination: string(cmark_node_get_url(node)), title: string(cmark_node_get_title(node)),
            location: location(of: node))
    }

    /// Moves a wikilink's or citation's column to where its text is written in the source line.
    private func locatedInSource(_ inline: Inline) -> Inline {
        func find(_ needle: String, from location: SourceLocation) -> SourceLocation {
            guard let line = source.line(location.line - lineOffset - 1) else { return location }
            let bytes = Array(needle.utf8)
            var start = max(0, location.column - 1)
            while start + bytes.count <= line.count {
                let from = line.startIndex + start
                if line[from..<(from + bytes.count)].elementsEqual(bytes) {
                    var moved = location
                    moved.column = start + 1
                    return moved
                }
                start += 1
            }
            return location
        }
        switch inline {
        case .wikilink(let target, let label, let location):
            return .wikilink(target: target, label: label, location: find("[[", from: location))
        case .citation(let citations):
            return .citation(
                citations.enumerated().map { number, citation in
                    let needle = (number == 0 ? "[@" : "@") + citation.id
                    return Citation(id: citation.id, location: find(needle, from: citation.location))
                })
        default:
            return inline
        }
    }

    // MARK: Helpers

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private func location(of node: OpaquePointer) -> SourceLocation {
        SourceLocation(
            path: path, line: Int(cmark_node_get_start_line(node)) + lineOffset,
            column: max(1, Int(cmark_node_get_start_column(node))))
    }

    private func literal(_ node: OpaquePointer) -> String { string(cmark_node_get_literal(node)) }

    private func typeName(_ node: OpaquePointer) -> String { string(cmark_node_get_type_string(node)) }

    private func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}

/// The Markdown's bytes split into lines once, by a byte scan (lines are looked up only for
/// wikilinks and citations, so they are not copied out until asked for).
struct SourceLines {
    private let bytes: [UInt8]
    /// The offset where each line starts, plus one past the end.
    private let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        starts.append(bytes.count + 1)
        self.starts = starts
    }

    /// The bytes of line `index` (0-based), without its newline.
    func line(_ index: Int) -> ArraySlice<UInt8>? {
        guard index >= 0, index + 1 < starts.count else { return nil }
        return bytes[starts[index]..<(starts[index + 1] - 1)]
    }
}
