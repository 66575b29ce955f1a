import Dispatch
import Synchronization
import Testing

@testable import Strata

/// cmark-gfm 0.29 edits process-wide tables on every parse: parallel parses once dropped
/// strikethrough and autolinks at random. The same document parsed many times at once must
/// come out the same every time.
@Suite struct CmarkConcurrencyTests {
    static let section = """
        # Title with ~~strike~~

        Visit www.example.com and https://example.org/path, ~~struck~~ text, [[wiki|label]] [@cite].[^1]

        | a | b |
        |:--|--:|
        | ~~x~~ | www.example.net |

        - [x] done with ~~this~~
        - [ ] see http://example.com

        [^1]: A footnote with www.footnote.example and ~~old~~ text.
        """

    /// Long enough that parses overlap: without the parse lock, about one parse in four differs.
    static let document = String(repeating: section + "\n\n", count: 8)

    static func parseAndRender() -> String {
        let parsed = CmarkParser.parse(document, path: "content/a.md", lineOffset: 3, unsafeHTML: false)
        var renderer = MarkdownHTML(
            unsafeHTML: false, sourceNumbers: ["cite": 1])
        renderer.render(parsed)
        return renderer.output
    }

    @Test func serialOutputHasEveryExtension() {
        let html = Self.parseAndRender()
        #expect(html.components(separatedBy: "<del>").count - 1 == 8 * 4 + 1)
        #expect(html.contains(#"<a href="http://www.example.com">www.example.com</a>"#))
        #expect(html.contains(#"<a href="http://www.example.net">www.example.net</a>"#))
        #expect(html.contains(#"<a href="http://www.footnote.example">www.footnote.example</a>"#))
        #expect(html.contains("<table>"))
        #expect(html.contains(#"<input type="checkbox" checked disabled>"#))
        #expect(html.contains(#"<section class="footnotes">"#))
    }

    @Test func concurrentParsesMatchTheSerialOne() {
        let expected = Self.parseAndRender()
        let expectedTree = CmarkParser.parse(Self.document, path: "content/a.md", lineOffset: 3, unsafeHTML: false)
        let iterations = 400
        let mismatches = Mutex<[Int]>([])
        DispatchQueue.concurrentPerform(iterations: iterations) { index in
            let tree = CmarkParser.parse(Self.document, path: "content/a.md", lineOffset: 3, unsafeHTML: false)
            var renderer = MarkdownHTML(
                unsafeHTML: false, sourceNumbers: ["cite": 1])
            renderer.render(tree)
            if tree != expectedTree || renderer.output != expected {
                mismatches.withLock { $0.append(index) }
            }
        }
        let wrong = mismatches.withLock { $0 }
        #expect(wrong.isEmpty, "\(wrong.count) of \(iterations) concurrent parses differ from the serial parse")
    }

    @Test func concurrentParsesThroughTheParseStage() {
        var source = SiteSource()
        source.siteConfig = "title: T\n"
        source.pages = (0..<100).map { index in
            SiteSource.TextFile(
                path: "content/notes/n\(index).md", text: "---\ntitle: N\(index)\n---\n\n" + Self.document)
        }
        let parsed = SiteParser.parse(source)
        let documents = Set(
            parsed.pages.map { page in
                // Same text, different paths: compare with the path taken out.
                String(describing: page.document).replacingOccurrences(of: page.path, with: "P")
            })
        #expect(parsed.pages.count == 100)
        #expect(documents.count == 1, "the same Markdown parsed in parallel gave \(documents.count) different trees")
    }
}
