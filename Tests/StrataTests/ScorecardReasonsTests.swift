import Testing

@testable import Strata

/// The scorecard's reasons open on a tap, a click or a key and are read by screen readers:
/// nothing lives only in a `title` a pointer has to hover.
@Suite struct ScorecardReasonsTests {
    static let files = MemorySite.files(
        [
            "content/index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "content/stack/compute.md": "---\ntitle: Compute\norder: 1\n---\n",
            "content/projects/p.md": """
            ---
            title: P
            layers: [compute]
            direction: crypto-for-ai
            assessment:
              needs-crypto: {answer: partly, note: Payments only.}
              real-demand: yes
              verdict: mixed
            ---
            Text.
            """,
        ], config: MemorySite.twoQuestionConfig)

    @Test func anAnswerWithAReasonOpensToShowIt() {
        let scorecard = MemorySite.main(Self.files["scorecard/index.html"])
        #expect(
            scorecard.contains(
                #"<th scope="row"><a href="../projects/p/">P</a></th><td class="a-partly"><details><summary>partly</summary><p>Payments only.</p></details></td><td class="a-yes">yes</td>"#
            ))
        #expect(!scorecard.contains("title="), "a reason is in a title attribute")
        #expect(!scorecard.contains("Hover"))
        #expect(scorecard.contains("An answer marked ▸ has a reason: open it with a tap, a click or Enter."))
    }

    @Test func wideTablesScrollInALabelledFocusableRegion() {
        for path in ["scorecard/index.html", "projects/index.html"] {
            let page = MemorySite.main(Self.files[path])
            #expect(page.contains(#"<div class="table-wrap tall" role="region" aria-labelledby="#), "\(path)")
            #expect(page.contains(#"tabindex="0">"#), "\(path)")
        }
    }
}
