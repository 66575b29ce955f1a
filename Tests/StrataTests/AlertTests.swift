import Testing

@testable import Strata

/// GitHub's alerts (`> [!NOTE]` and its four siblings) become callouts as GitHub renders them.
@Suite struct AlertTests {
    static func body(_ markdown: String) -> String {
        let files = MemorySite.files(["content/notes/a.md": "---\ntitle: A\n---\n\n" + markdown + "\n"])
        return MemorySite.main(files["notes/a/index.html"])
    }

    @Test(arguments: Alert.allCases)
    func eachKindIsACallout(_ alert: Alert) {
        let marker = alert.rawValue.uppercased()
        #expect(
            Self.body("> [!\(marker)]\n> Read *this* first.\n>\n> A second paragraph.").contains(
                """
                <div class="markdown-alert markdown-alert-\(alert.rawValue)">
                <p class="markdown-alert-title">\(alert.title)</p>
                <p>Read <em>this</em> first.</p>
                <p>A second paragraph.</p>
                </div>
                """))
    }

    @Test func theMarkerMayBeInAnyCaseAndStandAboveABlock() {
        #expect(
            Self.body("> [!warning]\n>\n> - one\n> - two").contains(
                "<div class=\"markdown-alert markdown-alert-warning\">\n<p class=\"markdown-alert-title\">Warning</p>\n<ul>"))
    }

    @Test func otherQuotesStayQuotes() {
        #expect(Self.body("> [!NOTE] with text on the same line").contains("<blockquote>\n<p>[!NOTE] with text"))
        #expect(Self.body("> [!NOTE]").contains("<blockquote>\n<p>[!NOTE]</p>"), "a marker alone is text")
        #expect(Self.body("> [!DANGER]\n> Not a kind GitHub knows.").contains("<blockquote>"))
        #expect(Self.body("> Just a quote.").contains("<blockquote>\n<p>Just a quote.</p>\n</blockquote>"))
    }
}
