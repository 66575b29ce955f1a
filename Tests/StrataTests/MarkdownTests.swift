import Testing

@testable import Strata

/// GitHub-flavoured Markdown through cmark-gfm and `MarkdownHTML`, each input beside its HTML.
@Suite struct MarkdownTests {
    static func parse(_ markdown: String, lineOffset: Int = 0, unsafeHTML: Bool = false) -> MarkdownDocument {
        CmarkParser.parse(markdown, path: "content/notes/a.md", lineOffset: lineOffset, unsafeHTML: unsafeHTML)
    }

    static func html(_ markdown: String, sources: [String: Int] = [:], unsafeHTML: Bool = false) -> String {
        let document = parse(markdown, unsafeHTML: unsafeHTML)
        var renderer = MarkdownHTML(
            unsafeHTML: unsafeHTML, sourceNumbers: sources)
        renderer.render(document)
        return renderer.output
    }

    @Test func paragraphsEmphasisAndCode() {
        #expect(
            Self.html("Some *soft* and **strong** `code <b>`.\nNext line.") == """
                <p>Some <em>soft</em> and <strong>strong</strong> <code>code &lt;b&gt;</code>.
                Next line.</p>

                """)
    }

    @Test func table() {
        let markdown = """
            | Left | Centre | Right | Plain |
            |:-----|:------:|------:|-------|
            | a | *b* | 3 | x |
            """
        #expect(
            Self.html(markdown) == """
                <div class="table-wrap"><table>
                <thead>
                <tr>
                <th style="text-align: left">Left</th>
                <th style="text-align: center">Centre</th>
                <th style="text-align: right">Right</th>
                <th>Plain</th>
                </tr>
                </thead>
                <tbody>
                <tr>
                <td style="text-align: left">a</td>
                <td style="text-align: center"><em>b</em></td>
                <td style="text-align: right">3</td>
                <td>x</td>
                </tr>
                </tbody>
                </table></div>

                """)
    }

    @Test func strikethrough() {
        #expect(Self.html("~~gone~~ and ~one~") == "<p><del>gone</del> and <del>one</del></p>\n")
    }

    @Test func autolinks() {
        #expect(
            Self.html("Visit www.example.com or https://example.org/a?b=1 now.") == """
                <p>Visit <a href="http://www.example.com">www.example.com</a> or \
                <a href="https://example.org/a?b=1">https://example.org/a?b=1</a> now.</p>

                """)
    }

    @Test func taskLists() {
        #expect(
            Self.html("- [x] done\n- [ ] todo\n") == """
                <ul class="task-list">
                <li><input type="checkbox" checked disabled> done</li>
                <li><input type="checkbox" disabled> todo</li>
                </ul>

                """)
    }

    @Test func plainAndOrderedLists() {
        #expect(
            Self.html("3. three\n4. four\n\n- a\n\n- b\n") == """
                <ol start="3">
                <li>three</li>
                <li>four</li>
                </ol>
                <ul>
                <li>
                <p>a</p>
                </li>
                <li>
                <p>b</p>
                </li>
                </ul>

                """)
    }

    /// Footnotes are numbered by first reference; a note cited twice gets two links back.
    @Test func footnotes() {
        let markdown = "A[^zeta] B[^alpha] C[^zeta]\n\n[^alpha]: Alpha.\n\n[^zeta]: Zeta.\n"
        #expect(
            Self.html(markdown) == """
                <p>A<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup> \
                B<sup class="footnote-ref"><a href="#fn-2" id="fnref-2">2</a></sup> \
                C<sup class="footnote-ref"><a href="#fn-1" id="fnref-1-2">1</a></sup></p>
                <section class="footnotes">
                <ol>
                <li id="fn-1">
                <p>Zeta.</p>
                <a href="#fnref-1" class="footnote-backref" aria-label="Back to reference 1">↩</a>
                <a href="#fnref-1-2" class="footnote-backref" aria-label="Back to reference 1">↩</a>
                </li>
                <li id="fn-2">
                <p>Alpha.</p>
                <a href="#fnref-2" class="footnote-backref" aria-label="Back to reference 2">↩</a>
                </li>
                </ol>
                </section>

                """)
    }

    @Test func fencedCodeKeepsItsLanguageAndEscapes() {
        #expect(
            Self.html("```swift\nlet a = \"<x>\" && b\n```\n") == """
                <pre><code class="language-swift">let a = &quot;&lt;x&gt;&quot; &amp;&amp; b
                </code></pre>

                """)
    }

    @Test func citationsAreNumberedAgainstTheSources() {
        #expect(
            Self.html("One [@b] two [@a] three [@b].", sources: ["a": 1, "b": 2]) == """
                <p>One <sup class="citation"><a href="#source-2" id="cite-2-1">[2]</a></sup> \
                two <sup class="citation"><a href="#source-1" id="cite-1-1">[1]</a></sup> \
                three <sup class="citation"><a href="#source-2" id="cite-2-2">[2]</a></sup>.</p>

                """)
    }

    // MARK: Wikilinks and citations in the tree

    @Test func wikilinksAndCitationsAreFoundInText() {
        let document = Self.parse("See [[io-net|IO]], [[stack/compute#gpus]] and [@src-1].", lineOffset: 4)
        #expect(
            document.blocks == [
                .paragraph([
                    .text("See "),
                    .wikilink(
                        target: "io-net", label: "IO",
                        location: SourceLocation(path: "content/notes/a.md", line: 5, column: 5)),
                    .text(", "),
                    .wikilink(
                        target: "stack/compute#gpus", label: nil,
                        location: SourceLocation(path: "content/notes/a.md", line: 5, column: 20)),
                    .text(" and "),
                    .citation([
                        Citation(id: "src-1", location: SourceLocation(path: "content/notes/a.md", line: 5, column: 47))
                    ]),
                    .text("."),
                ])
            ])
    }

    @Test func wikilinksInsideEmphasisAndListsAreFound() {
        let document = Self.parse("- *see [[a]]*\n- **[@b]**\n")
        #expect(document.citations == ["b"])
        guard case .list(_, _, _, let items) = document.blocks.first,
            case .paragraph(let inlines) = items.first?.blocks.first,
            case .emphasis(let children) = inlines.first
        else {
            Issue.record("unexpected tree: \(document.blocks)")
            return
        }
        #expect(
            children.contains { if case .wikilink(target: "a", label: nil, location: _) = $0 { true } else { false } })
    }

    @Test func codeSpansKeepBracketsAsText() {
        let document = Self.parse("Write `[[not-a-link]]` or `[@not-cited]` literally.")
        #expect(
            document.blocks == [
                .paragraph([
                    .text("Write "), .code("[[not-a-link]]"), .text(" or "), .code("[@not-cited]"),
                    .text(" literally."),
                ])
            ])
        #expect(document.citations.isEmpty)
    }

    @Test func codeBlocksKeepBracketsAsText() {
        let fenced = Self.parse("```\n[[not-a-link]] [@not-cited]\n```\n")
        #expect(fenced.blocks == [.codeBlock(info: "", code: "[[not-a-link]] [@not-cited]\n")])
        let indented = Self.parse("Text.\n\n    [[not-a-link]] [@not-cited]\n")
        #expect(indented.blocks.last == .codeBlock(info: "", code: "[[not-a-link]] [@not-cited]\n"))
        #expect(fenced.citations.isEmpty && indented.citations.isEmpty)
        #expect(Self.html("```\n[[x]]\n```\n") == "<pre><code>[[x]]\n</code></pre>\n")
    }

    @Test func bracketsThatAreNotWikilinksStayText() {
        #expect(Self.html("[[]] and [[a\nb]] and [@] and [ [x] ]") == "<p>[[]] and [[a\nb]] and [@] and [ [x] ]</p>\n")
    }

    @Test func headingLinesCountTheFrontMatter() {
        let document = Self.parse("Intro.\n\n## Second\n", lineOffset: 6)
        #expect(
            document.blocks.last
                == .heading(
                    level: 2, id: "second", content: [.text("Second")],
                    location: SourceLocation(path: "content/notes/a.md", line: 9, column: 1)))
    }

    // MARK: Raw HTML

    @Test func rawHTMLIsDroppedByDefault() {
        let markdown = "<div class=\"x\">block</div>\n\nInline <b>bold</b> <script>alert(1)</script>\n"
        #expect(Self.html(markdown) == "<p>Inline bold alert(1)</p>\n")
        #expect(Self.parse(markdown).firstRawHTML == SourceLocation(path: "content/notes/a.md", line: 1, column: 1))
    }

    @Test func rawHTMLIsKeptWhenAllowed() {
        #expect(Self.html("Inline <b>bold</b>.\n", unsafeHTML: true) == "<p>Inline <b>bold</b>.</p>\n")
    }
}
