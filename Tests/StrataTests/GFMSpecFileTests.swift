import Testing

/// Reading cmark-gfm's example files and the table of deliberate differences in docs/decisions.md.
@Suite struct GFMSpecFileTests {
    static let fence = GFMSpec.fence

    @Test func examplesAreNumberedFromTheFirstNumberWithTabsRestored() throws {
        let text = """
            # Tabs

            \(Self.fence) example
            →foo
            .
            <pre><code>foo
            </code></pre>
            \(Self.fence)

            \(Self.fence) example table
            a
            .
            <p>a</p>
            \(Self.fence)

            """
        let examples = try GFMSpec.parse(text, file: "spec.txt", firstNumber: 674)
        #expect(examples.map(\.number) == [674, 675])
        #expect(examples.map(\.line) == [3, 10])
        #expect(examples[0].markdown == "\tfoo\n")
        #expect(examples[0].html == "<pre><code>foo\n</code></pre>\n")
        #expect(examples[1].markdown == "a\n")
    }

    @Test func anExampleWithoutItsDotLineIsReported() {
        #expect(throws: GFMSpec.LoadError.self) {
            try GFMSpec.parse("\(Self.fence) example\na\n\(Self.fence)\n", file: "spec.txt", firstNumber: 1)
        }
        do {
            _ = try GFMSpec.parse("\(Self.fence) example\na\n.\n", file: "spec.txt", firstNumber: 1)
            Issue.record("an unclosed example was accepted")
        } catch {
            #expect(error.description == "spec.txt:1: the example is not closed")
        }
    }

    @Test func aMissingFolderIsNamedWithHowToSupplyIt() {
        do {
            _ = try GFMSpec.load(from: "/nonexistent/gfm-spec")
            Issue.record("a missing folder was accepted")
        } catch {
            #expect(
                error.description
                    == "cmark-gfm's spec examples are not at /nonexistent/gfm-spec/spec.txt: put spec.txt and extensions.txt from cmark-gfm's test/ folder there, or set STRATA_GFM_SPEC to the folder that holds them"
            )
        }
    }

    static let decisions = """
        # Decisions

        \(GFMDeliberateDifferences.heading)

        Some words.

        | kind | examples | reason |
        |---|---|---|
        | tables | 198, 200–202, 674-675 | wrapped |
        | footnotes | 696 | ids |

        After the table.
        """

    @Test func theTableOfDifferencesGivesKindsByExampleNumber() throws {
        let differences = try GFMDeliberateDifferences.parse(Self.decisions, path: "docs/decisions.md")
        #expect(differences.kinds.map(\.kind) == ["tables", "footnotes"])
        #expect(differences.kinds[0].examples == [198, 200, 201, 202, 674, 675])
        #expect(differences.kind(of: 696) == "footnotes")
        #expect(differences.kind(of: 199) == nil)
    }

    @Test func aNumberInTwoRowsOrABadRangeIsReported() {
        func message(_ text: String) -> String {
            do {
                _ = try GFMDeliberateDifferences.parse(text, path: "docs/decisions.md")
                return ""
            } catch {
                return error.description
            }
        }
        let twice = Self.decisions.replacingOccurrences(of: "| 696 |", with: "| 201 |")
        #expect(message(twice) == "docs/decisions.md:10: example 201 is listed under 'tables' too")
        let backwards = Self.decisions.replacingOccurrences(of: "| 696 |", with: "| 9–3 |")
        #expect(message(backwards) == "docs/decisions.md:10: '9–3' is not an example number or range")
        #expect(message("# Decisions\n") == "docs/decisions.md: no section '\(GFMDeliberateDifferences.heading)'")
    }
}
