import CCmarkGFM

/// Turns a cmark-gfm node tree into `MarkdownDocument` values.
/// Wikilinks and citations are found here, in text nodes only, so code is never touched.
struct CmarkConverter {
    let path: String
    let lineOffset: Int
    /// The Markdown's lines, to find the exact column of a wikilink or citation: cmark merges the
    /// text around entities and escapes, so a column counted in the decoded text can fall short.
    let source: SourceLines

    func document(_ root: OpaquePointer) -> MarkdownDocument {
        var blocks: [Block] = []
        var footnotes: [Footnote] = []
        for node in children(of: root) {
            if cmark_node_get_type(node) == CMARK_NODE_FOOTNOTE_DEFINITION {
                // cmark-gfm numbers footnotes by first reference and orders the definitions so.
                let number = String(footnotes.count + 1)
                footnotes.append(Footnote(label: number, blocks: self.blocks(of: node)))
            } else if let block = block(node) {
                blocks.append(block)
            }
        }
        return MarkdownDocument(blocks: blocks, footnotes: footnotes)
    }

    // MARK: Blocks

    private func blocks(of node: OpaquePointer) -> [Block] {
        children(of: node).compactMap(block)
    }

    private func block(_ node: OpaquePointer) -> Block? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH:
            return .paragraph(inlines(of: node))
        case CMARK_NODE_HEADING:
            return .heading(
                level: Int(cmark_node_get_heading_level(node)), content: inlines(of: node),
                location: location(of: node))
        case CMARK_NODE_BLOCK_QUOTE:
            return .blockQuote(blocks(of: node))
        case CMARK_NODE_LIST:
            let items = children(of: node).map { item in
                ListItem(task: taskState(item), blocks: blocks(of: item))
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
            if typeName(node) == "table" { return .table(table(node)) }
            return nil
        }
    }

    private func taskState(_ item: OpaquePointer) -> Bool? {
        guard typeName(item) == "tasklist" else { return nil }
        return cmark_gfm_extensions_get_tasklist_item_checked(item)
    }

    private func table(_ node: OpaquePointer) -> Table {
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
            let cells = children(of: row).map { inlines(of: $0) }
            if cmark_gfm_extensions_get_table_row_is_header(row) != 0 {
                header = cells
            } else {
                rows.append(cells)
            }
        }
        return Table(alignments: alignments, header: header, rows: rows)
    }

    // MARK: Inlines

    private func inlines(of node: OpaquePointer) -> [Inline] {
        var result: [Inline] = []
        var pendingText = ""
        var pendingStarts: [InlineScanner.NodeStart] = []
        func flushText() {
            guard !pendingStarts.isEmpty else { return }
            result.append(contentsOf: InlineScanner.scan(pendingText, nodes: pendingStarts).map(locatedInSource))
            pendingText = ""
            pendingStarts = []
        }
        for child in children(of: node) {
            if cmark_node_get_type(child) == CMARK_NODE_TEXT {
                pendingStarts.append(.init(offset: pendingText.utf8.count, location: location(of: child)))
                pendingText += literal(child)
                continue
            }
            flushText()
            if let inline = inline(child) { result.append(inline) }
        }
        flushText()
        return result
    }

    private func inline(_ node: OpaquePointer) -> Inline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node), location: location(of: node))
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node))
        case CMARK_NODE_LINK: return .link(target(node), inlines(of: node))
        case CMARK_NODE_IMAGE: return .image(target(node), inlines(of: node))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(label: literal(node))  // its number
        default:
            if typeName(node) == "strikethrough" { return .strikethrough(inlines(of: node)) }
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
        case .citation(let id, let location):
            return .citation(id: id, location: find("[@" + id, from: location))
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
