import Testing

@testable import Strata

/// Links that would run script or open the reader's files are left out with a warning, as raw
/// HTML is, however the scheme is spelled.
@Suite struct LinkSchemeTests {
    static let page = "content/notes/a.md"

    /// The page's `<main>` and the warnings, for a body under a one-line front matter.
    static func build(_ body: String) throws -> (html: String, warnings: [String]) {
        let source = MemorySite.source([page: "---\ntitle: A\n---\n" + body])
        let rendered = try Pipeline.render(source, options: MemorySite.options)
        let html = rendered.files.first { $0.path == "notes/a/index.html" }?.text
        return (MemorySite.main(html), rendered.warnings.map(\.description))
    }

    static func warning(_ column: Int, _ message: String) -> String {
        "\(page):4:\(column): warning: \(message)"
    }

    static let script =
        "a link to a 'javascript:' URL is left out of the page (its text is kept): it would run a script; use an https: address instead"

    @Test func javascriptInAnyCaseAndWithHiddenCharacters() throws {
        for destination in [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", "<&#1;javascript:alert(1)>", "java&#9;script:alert(1)",
            "<  javascript:alert(1)>", "java&#10;script:alert(1)",
        ] {
            let (html, warnings) = try Self.build("[Click *me*](\(destination))\n")
            #expect(warnings == [Self.warning(1, Self.script)], "\(destination)")
            #expect(html.contains("<p>Click <em>me</em></p>"), "\(destination): \(html)")
            #expect(!html.lowercased().contains("script:"), "\(destination)")
        }
    }

    @Test func vbscriptFileAndData() throws {
        let (html, warnings) = try Self.build(
            "[a](VBScript:x) [b](file:///etc/passwd) [c](data:text/html;base64,PHNjcmlwdD4=)\n")
        #expect(
            warnings == [
                Self.warning(1, Self.script.replacingOccurrences(of: "'javascript:'", with: "'vbscript:'")),
                Self.warning(
                    17,
                    "a link to a 'file:' URL is left out of the page (its text is kept): it would open a file on the reader's own computer; use an https: address instead"
                ),
                Self.warning(
                    41,
                    "a link to a 'data:' URL is left out of the page (its text is kept): it can carry a page of script; use an https: address instead"
                ),
            ])
        #expect(html.contains("<p>a b c</p>"))
    }

    @Test func imagesMayComeFromDataImageURLsOnly() throws {
        let (html, warnings) = try Self.build(
            "![dot](data:image/png;base64,iVBORw0KGgo=) ![page](data:text/html,<b>x</b>) ![js](javascript:x)\n")
        #expect(html.contains(#"<img src="data:image/png;base64,iVBORw0KGgo=" alt="dot">"#))
        #expect(html.contains("page js"))
        #expect(!html.contains("text/html") && !html.contains("javascript"))
        #expect(
            warnings == [
                Self.warning(
                    44,
                    "an image from a 'data:' URL is left out of the page (its description is kept): only 'data:image/…' is drawn as an image; use an https: address instead"
                ),
                Self.warning(
                    77,
                    "an image from a 'javascript:' URL is left out of the page (its description is kept): it would run a script; use an https: address instead"
                ),
            ])
    }

    @Test func ordinaryLinksStay() throws {
        let (html, warnings) = try Self.build("[web](https://example.org/javascript:x) [mail](mailto:a@example.org)\n")
        #expect(warnings == [])
        #expect(html.contains(#"<a href="https://example.org/javascript:x">web</a>"#))
        #expect(html.contains(#"<a href="mailto:a@example.org">mail</a>"#))
    }

    @Test func strictMakesTheWarningAnError() {
        let errors = MemorySite.errors([Self.page: "---\ntitle: A\n---\n[x](javascript:x)\n"], strict: true)
        #expect(errors == [Self.warning(1, Self.script).replacingOccurrences(of: ": warning: ", with: ": error: ")])
    }
}
