import Testing

@testable import Strata

/// YAML that libyaml refuses is reported at its own place, in words, without the raw bytes or
/// libyaml's advice to its callers.
@Suite struct YAMLOddInputTests {
    static func parse(_ frontMatter: String) -> [String] {
        YAMLFieldTests.parse("content/notes/a.md", frontMatter).1
    }

    @Test func aControlCharacterAtItsLineAndColumn() {
        #expect(
            Self.parse("title: A\nsummary: caf\u{E9} \u{1}x") == [
                "content/notes/a.md:3:15: error: invalid YAML: the control character U+0001 is not allowed here; "
                    + "delete it, or write it as \\u0001 inside double quotes"
            ])
    }

    @Test func aNULCharacter() {
        #expect(
            Self.parse("title: \"A\u{0}\"") == [
                "content/notes/a.md:2:10: error: invalid YAML: a NUL character (U+0000) is not allowed here; "
                    + "delete it, or write it as \\u0000 inside double quotes"
            ])
    }

    @Test func deepNestingWithoutLibyamlsHint() {
        let lists = (0..<1100).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n")
        #expect(
            Self.parse("title: A\nx:\n" + lists) == [
                "content/notes/a.md:1003:1000: error: invalid YAML: lists and maps nested more than 1000 levels deep; flatten them"
            ])
        // In flow style libyaml notices only near the start; the words are the same.
        let flow = Self.parse("title: A\nx: " + String(repeating: "[", count: 1001))
        #expect(flow.count == 1)
        #expect(
            flow.allSatisfy {
                $0.hasSuffix("error: invalid YAML: lists and maps nested more than 1000 levels deep; flatten them")
            })
    }

    @Test func controlCharactersInSiteSettings() {
        let (_, diagnostics) = SiteConfig.decode("title: A\u{7F}\n")
        #expect(
            diagnostics.map(\.description) == [
                "content/site.yml:1:9: error: invalid YAML: the control character U+007F is not allowed here; "
                    + "delete it, or write it as \\u007F inside double quotes"
            ])
    }
}

/// A message never carries the input's control characters: an escape sequence from a page
/// would otherwise drive the terminal that shows the build's output.
@Suite struct DiagnosticTextTests {
    @Test func controlCharactersAreShownByCodePoint() {
        let errors = MemorySite.errors([
            "content/notes/a.md": "---\ntitle: A\n---\n\n[[no\u{1B}such]] [x](gone&#1;.md)\n"
        ])
        #expect(
            errors == [
                "content/notes/a.md:5:1: error: no page named 'no<U+001B>such' for the link '[[no<U+001B>such]]'",
                "content/notes/a.md:5:13: error: broken link 'gone<U+0001>.md': content/notes/gone<U+0001>.md does not exist",
            ])
    }

    @Test func inAFileNameToo() {
        let diagnostic = Diagnostic(.error, "x", at: SourceLocation(path: "content/a\u{7}.md"))
        #expect(diagnostic.description == "content/a<U+0007>.md:1:1: error: x")
    }
}
