import CCmarkGFM
import Synchronization

/// Parses Markdown with cmark-gfm and hands back Swift values.
///
/// cmark-gfm 0.29 is not thread-safe while parsing: its extensions edit a process-wide
/// table on every parse. Parsing therefore runs under one process-wide lock; converting
/// the tree to Swift values and freeing it happen outside the lock, on any thread.
enum CmarkParser {
    private static let parseLock = Mutex<Void>(())
    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers the core extensions exactly once, before the first parse.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// - Parameters:
    ///   - lineOffset: lines before the Markdown in its file (the front matter), added to every line.
    static func parse(_ markdown: String, path: String, lineOffset: Int, unsafeHTML: Bool) -> MarkdownDocument {
        var options = CMARK_OPT_FOOTNOTES | CMARK_OPT_GITHUB_PRE_LANG
        if unsafeHTML { options |= CMARK_OPT_UNSAFE }
        let root: OpaquePointer = parseLock.withLock { _ in
            _ = registered
            let parser = cmark_parser_new(options)!
            defer { cmark_parser_free(parser) }
            for name in extensionNames {
                if let ext = cmark_find_syntax_extension(name) {
                    cmark_parser_attach_syntax_extension(parser, ext)
                }
            }
            markdown.utf8CString.withUnsafeBufferPointer { buffer in
                cmark_parser_feed(parser, buffer.baseAddress, buffer.count - 1)
            }
            return cmark_parser_finish(parser)
        }
        defer { cmark_node_free(root) }
        var converter = CmarkConverter(path: path, lineOffset: lineOffset, source: SourceLines(markdown))
        return converter.document(root)
    }
}
