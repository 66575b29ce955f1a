import Testing

@testable import StrataTemplates

/// Mistakes in templates: each reported with the template, line and column, never a crash.
@Suite struct TemplateErrorTests {
    static func errors(_ sources: [(name: String, source: String)]) -> [String] {
        TemplateLibrary.load(sources).1.map(\.description)
    }

    @Test func unclosedSectionIsReportedWhereItOpens() {
        #expect(
            Self.errors([("page", "<h1>\n  {{#items}}{{title}}\n</h1>\n")]) == [
                "page:2:3: the section 'items' is never closed: end it with {{/items}}"
            ])
    }

    @Test func wrongCloseNamesTheOpenSection() {
        #expect(
            Self.errors([("page", "{{#a}}{{^b}}x{{/a}}{{/b}}")]) == [
                "page:1:14: {{/a}} does not close the inverted section 'b' opened at 1:7: close that first with {{/b}}"
            ])
    }

    @Test func closeWithoutOpen() {
        #expect(
            Self.errors([("page", "x\n{{/a}}")]) == [
                "page:2:1: {{/a}} closes nothing: no section named 'a' is open"
            ])
    }

    @Test func unclosedTag() {
        #expect(Self.errors([("page", "é {{title")]) == ["page:1:3: this tag is not closed: end it with '}}'"])
        #expect(Self.errors([("page", "{{{title}}")]) == ["page:1:1: this tag is not closed: end it with '}}}'"])
    }

    @Test func nameWithSpaces() {
        #expect(
            Self.errors([("page", "{{site title}}")]) == [
                "page:1:1: 'site title' is not a name: a tag holds one name, without spaces"
            ])
    }

    @Test func badDelimiters() {
        #expect(
            Self.errors([("page", "{{=<%=}}")]) == [
                "page:1:1: a delimiter change names two delimiters without '=' in them, as in {{=<% %>=}}"
            ])
    }

    @Test func partialThatIncludesItself() {
        #expect(
            Self.errors([("partials/self", "x{{> partials/self}}")]) == [
                "partials/self:1:2: 'partials/self' includes itself (partials/self → partials/self), so it would never finish: put the inclusion inside a section or remove it"
            ])
    }

    @Test func partialsThatIncludeEachOther() {
        #expect(
            Self.errors([("a", "{{>b}}"), ("b", "\n  {{>c}}"), ("c", "{{<a}}{{/a}}"), ("d", "{{>a}}")]) == [
                "a:1:1: 'a' includes itself through 'b', 'c' (a → b → c → a), so it would never finish: put the inclusion inside a section or remove it"
            ])
    }

    @Test func recursionThroughDataIsAllowedButLimited() throws {
        let (library, errors) = TemplateLibrary.load([("node", "{{name}}({{#children}}{{>node}}{{/children}})")])
        #expect(errors.isEmpty)
        let tree: TemplateValue = ["name": "a", "children": [["name": "b", "children": []]]]
        #expect(try library.render("node", tree) == "a(b())")
        // A section on a value without the name looks it up again outside: this never ends.
        let (loop, _) = TemplateLibrary.load([("loop", "{{#on}}{{>loop}}{{/on}}")])
        #expect(
            throws: TemplateError(
                template: "loop", line: 1, column: 1,
                message:
                    "rendering nests sections and partials more than 200 deep here: does a partial include itself through its data?"
            )
        ) {
            try loop.render("loop", ["on": true])
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let source = String(repeating: "{{#a}}", count: 20_000) + String(repeating: "{{/a}}", count: 20_000)
        #expect(
            Self.errors([("deep", source)]) == [
                "deep:1:601: sections, parents and blocks are nested more than 100 deep here"
            ])
    }

    @Test func missingPartialsAreListed() {
        let (library, errors) = TemplateLibrary.load([("page", "{{#a}}\n {{> partials/nope}}\n{{/a}}")])
        #expect(errors.isEmpty)
        #expect(
            library.missingPartials.map(\.description) == ["page:2:2: there is no template 'partials/nope' to include"])
    }
}

/// A checked template never meets the renderer's depth limit: the check counts the same levels.
@Suite struct TemplateDepthCheckTests {
    @Test func nestingThroughPartialsPastTheLimitIsAnError() throws {
        let deep = String(repeating: "{{#a}}", count: 99) + "{{>next}}" + String(repeating: "{{/a}}", count: 99)
        let (library, errors) = TemplateLibrary.load([
            ("one", deep.replacingOccurrences(of: "next", with: "two")),
            ("two", deep.replacingOccurrences(of: "next", with: "three")), ("three", "{{#a}}x{{/a}}"),
        ])
        #expect(errors.isEmpty)
        // 99 + 1 + 99 + 1 levels are allowed, as the renderer allows 200; the next one is not.
        #expect(
            TemplateCheck.check(library, template: 0, stack: [.unknown]).map(\.description) == [
                "three:1:1: sections, blocks and partials nest more than 200 deep here, counting the partials included on the way: include fewer partials inside each other"
            ])
        #expect(throws: TemplateError.self) { try library.render("one", ["a": true]) }
    }
}
