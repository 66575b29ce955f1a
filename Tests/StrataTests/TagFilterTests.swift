import Testing

@testable import Strata

/// With `unsafe_html: true`, raw HTML goes through GitHub's tagfilter: nine tags show as text.
@Suite struct TagFilterTests {
    @Test func filteredTagsOpenAsText() {
        #expect(HTML.tagFiltered("<title>x</title>") == "&lt;title>x&lt;/title>")
        #expect(HTML.tagFiltered("<XMP> <Style\ntype=x> <script/>") == "&lt;XMP> &lt;Style\ntype=x> &lt;script/>")
        let all = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        for tag in all { #expect(HTML.tagFiltered("<\(tag)>") == "&lt;\(tag)>") }
        // As in cmark-gfm, the filter reads bytes, not HTML: a tag inside a comment is filtered too.
        #expect(HTML.tagFiltered("<!-- <title -->") == "<!-- &lt;title -->")
    }

    @Test func otherTagsAndLookalikesAreLeftAlone() {
        for html in ["<b>x</b>", "<scripts>", "<styled>", "<script", "<script/", "< script>", "a < b"] {
            #expect(HTML.tagFiltered(html) == html)
        }
    }

    @Test func appliesToRawHTMLBlocksAndInlines() {
        #expect(
            MarkdownTests.html("<textarea>\n\n*x* <iframe src=y></iframe>\n", unsafeHTML: true) == """
                &lt;textarea>
                <p><em>x</em> &lt;iframe src=y>&lt;/iframe></p>

                """)
    }
}
