/// How deep Markdown may nest. cmark-gfm parses any depth, but every walk over the tree after it
/// (conversion, link checks, rendering, even freeing the values) goes one call deeper per level,
/// so a page of 35,000 `>` would overflow the stack. No page a person writes comes near this.
enum MarkdownLimits {
    /// Levels of the cmark-gfm tree below the document: a quote, a list, a list item, an emphasis,
    /// a link each count one.
    static let maxDepth = 100

    static func tooDeepMessage() -> String {
        "Markdown nested more than \(maxDepth) levels deep here (block quotes, lists, emphasis, links); "
            + "flatten it to at most \(maxDepth) levels"
    }
}
