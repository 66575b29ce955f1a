import Foundation
import Testing

@testable import Strata

/// YAML aliases are bounded in number and in what they expand to, and the error points at the
/// alias that passes the limit: a 356-byte front matter once grew past 23 GB.
@Suite struct YAMLAliasTests {
    static func parse(_ frontMatter: String) -> (ParsedPage?, [String]) {
        YAMLFieldTests.parse("content/notes/a.md", frontMatter)
    }

    static let laughs = """
        title: Laughs
        a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
        b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
        c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
        d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
        e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
        f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
        g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
        h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
        i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
        """

    @Test func billionLaughsStopsAtTheAliasThatPassesTheLimit() {
        let start = ContinuousClock.now
        let (_, diagnostics) = Self.parse(Self.laughs)
        #expect(
            diagnostics == [
                "content/notes/a.md:7:8: error: the YAML alias '*d' makes the aliases expand to more than 10000 "
                    + "values (aliases of aliases multiply); write the values out instead"
            ])
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aliasesInsideAQuotedStringAreText() {
        let (page, diagnostics) = Self.parse("title: \"*a *b\"\nsummary: 'x * y'")
        #expect(diagnostics == [])
        #expect(page?.fields.title == "*a *b")
    }

    @Test func tooManyAliases() {
        let tags = Array(repeating: "*t", count: 101).joined(separator: ", ")
        let (_, diagnostics) = Self.parse("title: A\nt: &t x\ntags: [\(tags)]")
        // The 101st alias: `tags: [` is 7 characters, then 4 for each earlier alias.
        #expect(
            diagnostics == [
                "content/notes/a.md:4:408: error: more than 100 YAML aliases; write the values out instead"
            ])
    }

    @Test func ordinaryAliasesStillWork() {
        let (page, diagnostics) = Self.parse("title: &t Same\nsummary: *t\ntags: &tags [a, b]\n")
        #expect(diagnostics == [])
        #expect(page?.fields.summary == "Same")
        #expect(page?.fields.tags.map(\.value) == ["a", "b"])
    }

    @Test func anUndefinedAliasIsStillReportedByTheParser() {
        let (_, diagnostics) = Self.parse("title: *nothing\n")
        #expect(diagnostics == ["content/notes/a.md:2:8: error: invalid YAML: found undefined alias"])
    }
}
