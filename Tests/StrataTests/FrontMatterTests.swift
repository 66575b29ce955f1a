import Testing

@testable import Strata

/// The `---` block at the top of a page, and what the parse stage says when it is missing or broken.
@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromTheBody() throws {
        let split = try #require(FrontMatter.split("---\ntitle: A\ntags: [x]\n---\n# Body\n\nText.\n"))
        #expect(split.yaml == "title: A\ntags: [x]")
        #expect(split.body == "# Body\n\nText.\n")
        #expect(split.bodyLineOffset == 4)
    }

    @Test func bodyMayBeEmpty() throws {
        let split = try #require(FrontMatter.split("---\ntitle: A\n---"))
        #expect(split.yaml == "title: A")
        #expect(split.body == "")
    }

    @Test func emptyBlock() throws {
        let split = try #require(FrontMatter.split("---\n---\nBody"))
        #expect(split.yaml == "")
        #expect(split.body == "Body")
        #expect(split.bodyLineOffset == 2)
    }

    @Test func delimitersMayCarryTrailingSpaces() throws {
        let split = try #require(FrontMatter.split("--- \ntitle: A\n---  \nBody"))
        #expect(split.yaml == "title: A")
        #expect(split.body == "Body")
    }

    @Test func delimitersMayCarryTabsAndOtherWhitespace() throws {
        let split = try #require(FrontMatter.split("---\t\ntitle: Ünï\n\u{00A0}---\nBody ---\n"))
        #expect(split.yaml == "title: Ünï")
        #expect(split.body == "Body ---\n")
        #expect(split.bodyLineOffset == 3)
        #expect(FrontMatter.split("--\ntitle: A\n---\n") == nil)
        #expect(FrontMatter.split("----\ntitle: A\n---\n") == nil)
    }

    /// Lines that start like a rule but are YAML (a list item, `--x`) do not end the block;
    /// a rule after spaces does.
    @Test func onlyARuleEndsTheBlock() throws {
        let split = try #require(FrontMatter.split("---\ntags:\n- a\n--x: 1\n-- -\n  ---\nBody"))
        #expect(split.yaml == "tags:\n- a\n--x: 1\n-- -")
        #expect(split.body == "Body")
        #expect(split.bodyLineOffset == 6)
    }

    @Test func aLaterRuleEndsOnlyTheFirstBlock() throws {
        let split = try #require(FrontMatter.split("---\ntitle: A\n---\nText\n\n---\n\nMore"))
        #expect(split.body == "Text\n\n---\n\nMore")
    }

    @Test func missingOrUnclosed() {
        #expect(FrontMatter.split("# No front matter\n") == nil)
        #expect(FrontMatter.split("\n---\ntitle: A\n---\n") == nil)
        #expect(FrontMatter.split("---\ntitle: A\n\nBody without an end\n") == nil)
        #expect(FrontMatter.split("") == nil)
    }

    /// A file saved with Windows line endings is still a page with front matter.
    @Test func windowsLineEndings() throws {
        let split = try #require(FrontMatter.split("---\r\ntitle: A\r\n---\r\nBody\r\n"))
        #expect(split.yaml.trimmingSpaces == "title: A")
        #expect(split.body.trimmingSpaces == "Body")
        #expect(split.bodyLineOffset == 3)
    }

    // MARK: Through the parse stage

    static func diagnostics(_ path: String, _ text: String) -> [String] {
        let (_, diagnostics) = SiteParser.parse(
            SiteSource.TextFile(path: path, text: text), config: nil)
        return diagnostics.sorted().map(\.description)
    }

    @Test func missingFrontMatterNamesTheFileAndTheFix() {
        #expect(
            Self.diagnostics("content/notes/a.md", "# A\n") == [
                "content/notes/a.md:1:1: error: missing front matter: start the file with a line '---', then 'title: …', then '---'"
            ])
    }

    @Test func unclosedFrontMatter() {
        #expect(
            Self.diagnostics("content/notes/a.md", "---\ntitle: A\n\n# A\n") == [
                "content/notes/a.md:1:1: error: front matter is not closed: end it with a line '---'"
            ])
    }

    @Test func emptyFrontMatter() {
        #expect(
            Self.diagnostics("content/notes/a.md", "---\n---\nText\n") == [
                "content/notes/a.md:1:1: error: front matter is empty: it needs at least a title"
            ])
    }

    @Test func frontMatterThatIsNotAMap() {
        #expect(
            Self.diagnostics("content/notes/a.md", "---\n- title\n---\n") == [
                "content/notes/a.md:2:1: error: front matter must be a map of keys to values, not a list"
            ])
    }

    /// Lines in body diagnostics count the front matter.
    @Test func bodyLinesCountFromTheTopOfTheFile() {
        #expect(
            Self.diagnostics("content/notes/a.md", "---\ntitle: A\n---\n\nText <b>raw</b>.\n") == [
                "content/notes/a.md:5:6: warning: raw HTML is left out of the page; set 'unsafe_html: true' in content/site.yml to keep it"
            ])
    }
}
