import Testing

@testable import Strata

/// Link and image destinations are percent-encoded as cmark-gfm's HTML renderer does.
@Suite struct HrefEscapingTests {
    @Test func backslashesBackticksAndBracketsArePercentEncoded() {
        #expect(HTML.escapeHref(#"http://example.com?find=\*"#) == "http://example.com?find=%5C*")
        #expect(HTML.escapeHref("/url`[x]{y}|^") == "/url%60%5Bx%5D%7By%7D%7C%5E")
        #expect(HTML.escapeHref(#"a b"c<d>"#) == "a%20b%22c%3Cd%3E")
    }

    @Test func ampersandAndQuoteAreEntities() {
        #expect(HTML.escapeHref("/p?a=1&b='2'") == "/p?a=1&amp;b=&#x27;2&#x27;")
    }

    @Test func reservedCharactersAndExistingEscapesAreKept() {
        let url = "https://user@example.org:8080/a-b_c.d~e/(f)!*,;=+$?q=%20#top"
        #expect(HTML.escapeHref(url) == url)
    }

    @Test func nonASCIIIsEncodedAsUTF8Bytes() {
        #expect(HTML.escapeHref("/ä/🍄") == "/%C3%A4/%F0%9F%8D%84")
    }

    @Test func linksAndImagesInMarkdownAreEncoded() {
        #expect(
            MarkdownTests.html("[a](<https://example.org/a b?x=1&y=ä>) ![i](<https://example.org/i [1].png>)")
                == """
                <p><a href="https://example.org/a%20b?x=1&amp;y=%C3%A4">a</a> \
                <img src="https://example.org/i%20%5B1%5D.png" alt="i"></p>

                """)
    }
}
