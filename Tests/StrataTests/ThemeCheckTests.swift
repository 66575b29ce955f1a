import Testing

@testable import Strata

/// The theme is checked against the views at load: before any page renders, and by `strata check`.
@Suite struct ThemeCheckTests {
    static let pages = ["content/index.md": "---\ntitle: Home\n---\n", "content/notes/a.md": "---\ntitle: A\n---\n"]

    /// The repository's theme with `changes` applied (a path to its new text, or nil to remove it).
    static func errors(_ changes: [String: String?]) -> [String] {
        var source = MemorySite.source(pages)
        for (path, text) in changes.sorted(by: { $0.key < $1.key }) {
            source.templates.removeAll { $0.path == path }
            if let text { source.templates.append(SiteSource.TextFile(path: path, text: text)) }
        }
        do {
            _ = try Pipeline.render(source, options: MemorySite.options)
            return []
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    static let page = MemorySite.templates.first { $0.path == "templates/page.mustache" }?.text ?? ""

    @Test func theRepositoryThemePassesItsCheck() {
        #expect(Self.errors([:]) == [])
    }

    @Test func aMisspeltNameIsAnErrorWithTheNameMeant() {
        let text = Self.page.replacingOccurrences(of: "<h1>{{title}}</h1>", with: "<h1>{{titel}}</h1>")
        #expect(
            Self.errors(["templates/page.mustache": text]) == [
                "templates/page.mustache:4:5: error: 'titel' is not a value of a content page; did you mean 'title'?"
            ])
    }

    @Test func aNameInsideAListIsCheckedAgainstTheListsEntries() {
        let text =
            "{{#backlinks}}{{{html}}}{{sumary}}{{/backlinks}}{{#sources}}{{#backrefs}}{{hre}}{{/backrefs}}{{/sources}}"
        #expect(
            Self.errors(["templates/page.mustache": text]) == [
                "templates/page.mustache:1:25: error: 'sumary' is not a value of a page item; did you mean 'summary'?",
                "templates/page.mustache:1:74: error: 'hre' is not a value of a link back to a citation; did you mean 'href'?",
            ])
    }

    @Test func textWrittenUnescapedIsAnError() {
        #expect(
            Self.errors(["templates/search.mustache": "<h1>{{{title}}}</h1>"]) == [
                "templates/search.mustache:1:5: error: 'title' is text, which {{{title}}} would write without escaping: write {{title}}"
            ])
    }

    @Test func aMissingPageItemPartialIsAnError() {
        #expect(
            Self.errors(["templates/partials/page-item.mustache": nil]) == [
                "templates/partials/page-item.mustache:1:1: error: the theme has no 'partials/page-item' template: add templates/partials/page-item.mustache"
            ])
    }

    @Test func aMissingPartialIsAnError() {
        #expect(
            Self.errors(["templates/search.mustache": "<h1>{{title}}</h1>\n{{> partials/serach-box}}\n"]) == [
                "templates/search.mustache:2:1: error: there is no template 'partials/serach-box' to include"
            ])
    }

    @Test func aPartialThatIncludesItselfIsAnErrorNamingTheChain() {
        #expect(
            Self.errors([
                "templates/search.mustache": "{{> partials/self}}",
                "templates/partials/self.mustache": "x{{> partials/self}}",
            ]) == [
                "templates/partials/self.mustache:1:2: error: 'partials/self' includes itself (partials/self → partials/self), so it would never finish: put the inclusion inside a section or remove it"
            ])
        // Inside a section too: no view holds a list of itself, so this would only stop at the limit.
        #expect(
            Self.errors([
                "templates/search.mustache": "{{> partials/a}}",
                "templates/partials/a.mustache": "{{#nav}}{{> partials/b}}{{/nav}}",
                "templates/partials/b.mustache": "{{> partials/a}}",
            ]) == [
                "templates/partials/a.mustache:1:9: error: 'partials/a' includes itself through 'partials/b' (partials/a → partials/b → partials/a), so it would never finish: put the inclusion inside a section or remove it"
            ])
    }

    @Test func anUnclosedSectionIsReportedWhereItOpens() {
        #expect(
            Self.errors(["templates/search.mustache": "<h1>{{title}}</h1>\n{{#nav}}\n<a>{{title}}</a>\n"]) == [
                "templates/search.mustache:2:1: error: the section 'nav' is never closed: end it with {{/nav}}"
            ])
    }

    @Test func theNotFoundPageHasATitleOfItsOwn() throws {
        let files = MemorySite.files(Self.pages)
        let notFound = try #require(files["404.html"])
        let home = try #require(files["index.html"])
        #expect(notFound.contains("<title>Page not found · Memory Site</title>"))
        #expect(home.contains("<title>Memory Site</title>"))
    }
}
