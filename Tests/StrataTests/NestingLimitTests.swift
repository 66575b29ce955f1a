import Testing

@testable import Strata

/// Markdown nested past `MarkdownLimits.maxDepth` is an error at the place the limit is passed,
/// never a stack overflow: these inputs crashed the tree conversion before there was a limit.
@Suite struct NestingLimitTests {
    static func errors(_ body: String) -> [String] {
        MemorySite.errors(["content/notes/deep.md": "---\ntitle: Deep\n---\n\n" + body])
    }

    static let message =
        "error: Markdown nested more than 100 levels deep here (block quotes, lists, emphasis, links); "
        + "flatten it to at most 100 levels"

    @Test func thirtyFiveThousandQuotes() {
        #expect(
            Self.errors(String(repeating: ">", count: 35_000) + " a\n") == [
                "content/notes/deep.md:5:101: " + Self.message
            ])
    }

    @Test func thirtyThousandNestedListItems() {
        // Each level is a list and its item: the item that passes the limit starts at column 101.
        #expect(
            Self.errors(String(repeating: "- ", count: 30_000) + "a\n") == [
                "content/notes/deep.md:5:101: " + Self.message
            ])
    }

    @Test func twentyThousandNestedStrikethroughs() {
        let body = String(repeating: "~~a ", count: 20_000) + "b" + String(repeating: " a~~", count: 20_000) + "\n"
        // The paragraph is level 1, so the 100th strikethrough is the 101st level: 4 bytes each.
        #expect(Self.errors(body) == ["content/notes/deep.md:5:397: " + Self.message])
    }

    @Test func deepInlinesInsideAQuoteCountBoth() {
        let body =
            String(repeating: ">", count: 60) + " " + String(repeating: "*a ", count: 60) + "b"
            + String(repeating: " a*", count: 60) + "\n"
        #expect(Self.errors(body).count == 1)
    }

    @Test func nestingUpToTheLimitRenders() throws {
        // 99 quotes and the paragraph inside them: exactly 100 levels.
        let files = MemorySite.files([
            "content/notes/deep.md": "---\ntitle: Deep\n---\n\n" + String(repeating: ">", count: 99) + " a\n"
        ])
        let html = MemorySite.main(files["notes/deep/index.html"])
        #expect(html.components(separatedBy: "<blockquote>").count == 100)
        #expect(html.contains("<p>a</p>"))
    }
}
