import Testing

@testable import Strata

/// A mistake is reported once, in words that say how to fix it: a YAML error is not followed by
/// errors about the fields it hid, and a wrong answer is not also an unanswered one.
@Suite struct OneErrorTests {
    static func errors(_ frontMatter: String, body: String = "Text.") -> [String] {
        MemorySite.errors([
            "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
            "content/projects/p.md": "---\n" + frontMatter + "\n---\n" + body + "\n",
        ])
    }

    static let project = "title: P\nlayers: [compute]\ndirection: crypto-for-ai\n"

    @Test func aYAMLErrorIsTheOnlyError() {
        #expect(
            Self.errors(Self.project + "tags: [a, b\nsources:\n  - {id: blog, title: B}", body: "Text [@blog].") == [
                "content/projects/p.md:5:7: error: invalid YAML: did not find expected ',' or ']' while parsing a flow sequence that starts here (noticed at line 6, column 8); is a quote or bracket left open?"
            ])
    }

    @Test func aTabSaysTabsCannotIndent() {
        #expect(
            Self.errors("title: P\nlayers: [compute]\n\tdirection: crypto-for-ai") == [
                "content/projects/p.md:4:1: error: invalid YAML: a tab cannot indent YAML; indent with spaces"
            ])
    }

    @Test func aColonInAValueSuggestsQuotes() {
        #expect(
            Self.errors("title: My Test: Network\nlayers: [compute]\ndirection: crypto-for-ai") == [
                #"content/projects/p.md:2:15: error: invalid YAML: a ': ' inside a value starts another key; put the value in quotes: title: "My Test: Network""#
            ])
    }

    @Test func aDayThatDoesNotExistSaysSo() {
        #expect(
            Self.errors(Self.project + "date: 2026-02-30").filter { $0.contains("error:") } == [
                "content/projects/p.md:5:7: error: 'date' is '2026-02-30', a day that does not exist: February 2026 has 28 days"
            ])
        #expect(
            Self.errors(Self.project + "date: 2026-13-01").filter { $0.contains("error:") } == [
                "content/projects/p.md:5:7: error: 'date' is '2026-13-01', a day that does not exist: there is no month 13"
            ])
    }

    @Test func aWrongAnswerIsNotAlsoUnanswered() {
        #expect(
            Self.errors(Self.project + "assessment:\n  needs-crypto: maybe\n  verdict: good") == [
                "content/projects/p.md:6:17: error: 'needs-crypto' must be one of yes, partly, no, unknown, n/a; found 'maybe'",
                "content/projects/p.md:7:12: error: 'verdict' must be one of signal, mixed, noise; found 'good'",
            ])
    }
}
