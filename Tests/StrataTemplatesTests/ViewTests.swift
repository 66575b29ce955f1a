import Testing

@testable import StrataTemplates

/// Views: structs encoded to template values, their schemas read off the same types, and a
/// template checked against them.
@Suite struct ViewTests {
    struct Item: TemplateView, Equatable {
        static let templateNoun = "a page item"
        var title: String
        var summary: String?
    }

    struct Page: TemplateView {
        static let templateNoun = "a content page"
        var title: String
        var content: TemplateHTML
        var count: Int
        var items: [Item]
        var extra: Extending<Encoded<Item>, Slug>?
    }

    struct Slug: Codable, Sendable {
        var slug: String
    }

    static let page = Page(
        title: "T", content: TemplateHTML("<p>x</p>"), count: 2,
        items: [Item(title: "A", summary: nil), Item(title: "B", summary: "b")],
        extra: Extending(try! Encoded(Item(title: "E", summary: nil)), Slug(slug: "e")))

    @Test func absentOptionalsAreFalse() throws {
        let value = try TemplateEncoder.encode(Self.page)
        let (library, _) = TemplateLibrary.load([
            (
                "t",
                "{{title}} {{{content}}} {{count}}{{#items}} [{{title}}{{#summary}}: {{summary}}{{/summary}}]{{/items}} {{#extra}}{{title}}/{{slug}}/{{summary}}{{/extra}}"
            )
        ])
        #expect(try library.render("t", value) == "T <p>x</p> 2 [A] [B: b] E/e/false")
    }

    @Test func schemaIsReadOffTheView() {
        let schema = TemplateSchema.of(Page.self)
        var item = TemplateObjectSchema(noun: "a page item")
        item.add("title", .text)
        item.add("summary", .text, optional: true)
        var extra = TemplateObjectSchema(noun: nil)
        extra.add("slug", .text)
        extra = extra.adding(item)
        extra.noun = "a page item"
        var page = TemplateObjectSchema(noun: "a content page")
        page.add("title", .text)
        page.add("content", .html)
        page.add("count", .number)
        page.add("items", .list(.object(item)))
        page.add("extra", .object(extra), optional: true)
        #expect(schema == .object(page))
    }

    static func check(_ source: String) -> [String] {
        let (library, errors) = TemplateLibrary.load([("page", source), ("partials/item", "{{titel}}")])
        #expect(errors.isEmpty)
        return TemplateCheck.check(library, template: 0, stack: [TemplateSchema.of(Page.self)]).map(\.description)
    }

    @Test func misspeltNameIsAnErrorWithASuggestion() {
        #expect(
            Self.check("<h1>{{title}}</h1>\n    {{titel}}") == [
                "page:2:5: 'titel' is not a value of a content page; did you mean 'title'?"
            ])
        #expect(
            Self.check("{{#items}}{{sumary}}{{/items}}") == [
                "page:1:11: 'sumary' is not a value of a page item; did you mean 'summary'?"
            ])
        #expect(
            Self.check("{{#items}}{{> partials/item}}{{/items}}") == [
                "partials/item:1:1: 'titel' is not a value of a page item; did you mean 'title'?"
            ])
        #expect(
            Self.check("{{extra.slag}} {{nothing}}") == [
                "page:1:1: 'slag' is not a value of 'extra'; did you mean 'slug'?",
                "page:1:16: 'nothing' is not a value of a content page",
            ])
    }

    @Test func unescapedTextIsAnError() {
        #expect(
            Self.check("{{{content}}}{{{title}}}") == [
                "page:1:14: 'title' is text, which {{{title}}} would write without escaping: write {{title}}"
            ])
    }

    @Test func namesOfOuterValuesAreFoundInsideSections() {
        #expect(Self.check("{{#items}}{{count}}{{#summary}}{{title}}{{.}}{{/summary}}{{/items}}").isEmpty)
    }
}
