import Foundation
import Testing

@testable import Strata

/// docs/templates.md lists every value of every view as the views declare them.
@Suite struct ThemeReferenceTests {
    @Test func templatesDocumentMatchesTheViews() throws {
        let document = try String(contentsOfFile: Repo.root + "/docs/templates.md", encoding: .utf8)
        let expected = ThemeReference.markdown()
        let begin = try #require(document.range(of: ThemeReference.begin), "docs/templates.md has no reference part")
        let end = try #require(document.range(of: ThemeReference.end))
        let written = String(document[begin.lowerBound..<end.upperBound])
        #expect(
            written == expected,
            "docs/templates.md differs from the views; its reference part should read:\n\(expected)")
    }
}
