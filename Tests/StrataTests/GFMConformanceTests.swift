import Testing

@testable import Strata

/// Every example of cmark-gfm's spec and extension examples, rendered as a page body, matches
/// cmark-gfm's HTML after `HTMLNormalizer`, or is one of the deliberate differences listed in
/// docs/decisions.md, and every listed difference still differs.
@Suite struct GFMConformanceTests {
    /// Skipped, with the reason in the test output, only when the examples are not beside the
    /// repository and no STRATA_GFM_SPEC names them; a folder that is named must hold them.
    @Test(.enabled(if: GFMSpec.isAvailable, Comment(rawValue: GFMSpec.absence)))
    func everyExampleMatchesCmarkGFMOrIsADocumentedDifference() throws {
        let examples: [GFMExample]
        do {
            examples = try GFMSpec.load()
        } catch {
            Issue.record(Comment(rawValue: error.description))
            return
        }
        let differences = try GFMDeliberateDifferences.load()
        let rendered = GFMRendering.render(examples)
        var matching = 0
        var differing: [String: Int] = [:]
        var relaxed = 0
        var ignored = 0
        for example in examples {
            let place = "example \(example.number) (\(example.file):\(example.line))"
            guard let result = rendered[example.number] else {
                Issue.record("\(place) was not rendered")
                continue
            }
            for diagnostic in result.otherDiagnostics { Issue.record("\(place): \(diagnostic)") }
            if !result.relaxedLinks.isEmpty { relaxed += 1 }
            if example.outputIgnored {
                ignored += 1
                if let kind = differences.kind(of: example.number) {
                    Issue.record(
                        "\(place) has no expected output to differ from, yet docs/decisions.md lists it under '\(kind)'"
                    )
                }
                continue
            }
            let expected = HTMLNormalizer.normalize(example.html)
            let actual = HTMLNormalizer.normalize(result.html)
            switch (expected == actual, differences.kind(of: example.number)) {
            case (true, nil):
                matching += 1
            case (false, let kind?):
                differing[kind, default: 0] += 1
            case (true, let kind?):
                Issue.record(
                    "\(place) is listed in docs/decisions.md as a deliberate difference (\(kind)) but now matches cmark-gfm; take it off the list"
                )
            case (false, nil):
                Issue.record(
                    """
                    \(place) differs from cmark-gfm and is not a deliberate difference in docs/decisions.md
                    Markdown:
                    \(example.markdown)
                    cmark-gfm (normalized):
                    \(expected)
                    Strata (normalized):
                    \(actual)
                    """)
            }
        }
        let numbers = Set(examples.map(\.number))
        for (kind, listed) in differences.kinds {
            for number in listed where !numbers.contains(number) {
                Issue.record("docs/decisions.md lists example \(number) under '\(kind)', but there is no such example")
            }
        }
        let kinds = differences.kinds.map { "\($0.kind): \(differing[$0.kind, default: 0])" }
        print(
            "cmark-gfm examples: \(rendered.count) of \(examples.count) rendered (\(relaxed) with link checking relaxed), "
                + "\(matching) match, \(ignored) rendered whose output cmark-gfm ignores, "
                + "\(differing.values.reduce(0, +)) differ deliberately (\(kinds.joined(separator: "; ")))"
        )
    }
}
