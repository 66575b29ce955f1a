import Testing

/// The normalization the cmark-gfm conformance test compares under, after cmark's `normalize.py`.
@Suite struct HTMLNormalizerTests {
    static func same(_ lhs: String, _ rhs: String) -> Bool {
        HTMLNormalizer.normalize(lhs) == HTMLNormalizer.normalize(rhs)
    }

    @Test func whiteSpaceCollapsesAndGoesAroundBlockTags() {
        #expect(
            HTMLNormalizer.normalize("<p>a\n   b</p>\n<ul>\n<li> x </li>\n</ul>\n") == "<p>a b</p><ul><li>x</li></ul>")
        #expect(HTMLNormalizer.normalize("<pre><code>a\n  b\n</code></pre>") == "<pre><code>a\n  b\n</code></pre>")
        #expect(HTMLNormalizer.normalize("a<br />\nb") == "a<br>b")
    }

    @Test func attributesAreSortedLowercasedAndQuoted() {
        #expect(HTMLNormalizer.normalize("<A title='t' HREF=u>x</A>") == #"<a href="u" title="t">x</a>"#)
        #expect(
            Self.same(
                #"<input type="checkbox" checked disabled>"#, #"<input checked="" disabled="" type="checkbox" />"#))
        #expect(!Self.same(#"<a href="a%5Cb">"#, #"<a href="a\b">"#))
    }

    @Test func characterReferencesAreDecodedExceptMarkup() {
        #expect(
            HTMLNormalizer.normalize("it&#39;s &#x27;q&#x27; &#60; &lt; &amp; &copy;")
                == "it's 'q' &lt; &lt; &amp; &copy;")
        #expect(HTMLNormalizer.normalize(#"<img alt="&#39;&quot;">"#) == #"<img alt="'&quot;">"#)
    }

    @Test func headingIDsAreLeftOutAndOtherIDsKept() {
        #expect(
            HTMLNormalizer.normalize(#"<h2 id="intro">Intro</h2><li id="fn-1">"#) == #"<h2>Intro</h2><li id="fn-1">"#)
    }

    @Test func aHeadingsOwnAnchorLinkIsLeftOutAndOtherLinksKept() {
        #expect(
            HTMLNormalizer.normalize(
                ##"<h2 id="intro">Intro <a class="anchor" href="#intro" aria-label="Link to section: Intro">#</a></h2>"##)
                == "<h2>Intro</h2>")
        #expect(
            HTMLNormalizer.normalize(##"<h2 id="intro">Intro <a class="anchor" href="#other">#</a></h2>"##)
                == ##"<h2>Intro <a class="anchor" href="#other">#</a></h2>"##)
        #expect(
            HTMLNormalizer.normalize(##"<p><a class="anchor" href="#intro">#</a></p>"##)
                == ##"<p><a class="anchor" href="#intro">#</a></p>"##)
    }

    @Test func textThatIsNotATagStaysText() {
        #expect(
            HTMLNormalizer.normalize("a < b &lt;title> <!-- c --> <?php x ?>")
                == "a < b &lt;title> <!-- c --> <?php x ?>")
        #expect(!Self.same("&lt;title>", "<title>"))
    }
}
