import Testing
@testable import Strata

@Suite struct MarkdownTests {
    @Test func probe() {
        let doc = CmarkParser.parse("# Hi\n\nSee [[io-net|IO]] and [@src] `[[no]]`\n\nA[^zeta] B[^alpha] C[^zeta] ~~x~~ www.x.org\n\n- [x] done\n- [ ] todo\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n[^alpha]: Alpha.\n\n[^zeta]: Zeta.\n", path: "p.md", lineOffset: 3, unsafeHTML: false)
        print(doc)
    }
}
