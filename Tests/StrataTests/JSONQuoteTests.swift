import Foundation
import Testing

@testable import Strata

/// JSON string literals the build writes into data files and search pieces: valid JSON, and safe
/// inside a `<script>` element.
@Suite struct JSONQuoteTests {
    @Test(arguments: [
        ("plain", #""plain""#),
        ("", #""""#),
        ("say \"hi\"", #""say \"hi\"""#),
        (#"back\slash"#, #""back\\slash""#),
        ("lines\nand\rtabs\t", #""lines\nand\rtabs\t""#),
        ("</script>", #""\u003c/script>""#),
        ("\u{01}\u{1F}\u{7F}", #""\u0001\u001f"# + "\u{7F}\""),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        ("café – naïve ≠ “quoted” 🚀", "\"café – naïve ≠ “quoted” 🚀\""),
    ])
    func quote(text: String, expected: String) {
        #expect(JSON.quote(text) == expected)
        var appended = ""
        JSON.append(quoted: text, to: &appended)
        #expect(appended == expected)
    }

    /// What a JSON parser reads back is the text itself.
    @Test func readsBack() throws {
        let text = "\u{0}x\"\\\n\r\t</\u{2028}\u{2029}\u{E2}\u{80}é😀"
        let data = Data(("[" + JSON.quote(text) + "]").utf8)
        let decoded = try JSONSerialization.jsonObject(with: data) as? [String]
        #expect(decoded == [text])
    }
}
