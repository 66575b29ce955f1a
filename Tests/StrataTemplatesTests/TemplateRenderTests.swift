import Testing

@testable import StrataTemplates

/// What the engine adds to the spec: HTML values, extended objects and the context stack.
@Suite struct TemplateRenderTests {
    @Test func escapesTheFiveCharacters() throws {
        let (library, _) = TemplateLibrary.load([("t", "{{x}}|{{{x}}}|{{&x}}")])
        #expect(
            try library.render("t", ["x": "<a href=\"x\">'&'</a>"])
                == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;|<a href=\"x\">'&'</a>|<a href=\"x\">'&'</a>")
    }

    @Test func htmlValuesAreWrittenAsTheyAre() throws {
        let (library, _) = TemplateLibrary.load([("t", "{{x}}{{{x}}}")])
        #expect(try library.render("t", ["x": .html("<b>")]) == "<b><b>")
    }

    @Test func extendedObjectsFallBackToTheirBase() throws {
        let (library, _) = TemplateLibrary.load([("t", "{{#rows}}{{title}}:{{slug}} {{/rows}}")])
        var row = TemplateObject(extending: TemplateObject(["title": "Alpha", "slug": "base"]))
        row["slug"] = "alpha"
        #expect(try library.render("t", ["rows": [.object(row)]]) == "Alpha:alpha ")
    }

    @Test func namesAreLookedUpDownTheStack() throws {
        let (library, _) = TemplateLibrary.load([("t", "{{title}} · {{site}}")])
        var output: [UInt8] = []
        try library.render(0, stack: [["site": "S", "title": "outer"], ["title": "Page"]], into: &output)
        #expect(String(decoding: output, as: UTF8.self) == "Page · S")
    }
}
