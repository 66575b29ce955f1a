import Foundation
import Testing

@testable import Strata

/// docs/templates.md lists every value of every view as the views declare them. After changing a
/// view, `STRATA_UPDATE_REFERENCE=1 swift test --filter ThemeReference` rewrites that part.
@Suite struct ThemeReferenceTests {
    @Test func templatesDocumentMatchesTheViews() throws {
        let path = Repo.root + "/docs/templates.md"
        let document = try String(contentsOfFile: path, encoding: .utf8)
        let expected = ThemeReference.markdown()
        let begin = try #require(document.range(of: ThemeReference.begin), "docs/templates.md has no reference part")
        let end = try #require(document.range(of: ThemeReference.end))
        let written = String(document[begin.lowerBound..<end.upperBound])
        if ProcessInfo.processInfo.environment["STRATA_UPDATE_REFERENCE"] == "1", written != expected {
            try document.replacingCharacters(in: begin.lowerBound..<end.upperBound, with: expected)
                .write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        #expect(
            written == expected,
            "docs/templates.md differs from the views; its reference part should read:\n\(expected)")
    }
}
