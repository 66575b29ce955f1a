import Foundation
import Testing

@testable import Strata

/// `strata new project|note SLUG`: a file with every field that checks cleanly once filled in.
@Suite struct NewPageTests {
    @Test func projectAnswersEveryRubricQuestionAndChecksOnceLayersAreSet() throws {
        let site = try fixtureSite()
        let path = try NewPage.create(.project, slug: "new-thing", title: "New \"Thing\"", root: site.path)
        #expect(path == "content/projects/new-thing.md")
        var text = try site.read(path)
        #expect(text.contains("title: \"New \\\"Thing\\\"\""))
        let rubric = try #require(SiteConfig.decode(try site.read("content/site.yml")).0).rubric
        for question in rubric { #expect(text.contains("  \(question.key): {answer: unknown")) }
        // The one thing left to fill in before the site checks: the layers.
        #expect(
            buildFailure(BuildOptions(root: site.path, today: "2026-11-25")) == [
                "content/projects/new-thing.md:5:9: error: 'layers' must name at least one layer of content/stack/"
            ])
        text = text.replacingOccurrences(
            of: "layers: []  # required: slugs of content/stack/", with: "layers: [compute]")
        try site.write(path, text)
        #expect(throws: Never.self) { try Pipeline.check(BuildOptions(root: site.path, today: "2026-11-25")) }
    }

    @Test func noteChecksAsWritten() throws {
        let site = try fixtureSite()
        _ = try NewPage.create(.note, slug: "fresh-note", title: nil, root: site.path)
        #expect(try site.read("content/notes/fresh-note.md").contains("title: \"fresh-note\""))
        #expect(throws: Never.self) { try Pipeline.check(BuildOptions(root: site.path, today: "2026-11-25")) }
    }

    @Test func aNewPageIsADraftWithoutAReviewDate() throws {
        let site = try fixtureSite()
        for kind in NewPage.Kind.allCases {
            let path = try NewPage.create(kind, slug: "fresh-\(kind)", title: nil, root: site.path)
            let text = try site.read(path)
            #expect(text.contains("\ndraft: true  # remove this line when the page is ready to publish\n"))
            #expect(!text.contains("\nreviewed:"), "nobody has checked a new page against its sources yet")
            try site.write(path, text.replacingOccurrences(of: "layers: []  # required", with: "layers: [compute]  #"))
        }
        let report = try Pipeline.build(BuildOptions(root: site.path, today: "2026-11-25"))
        #expect(report.warnings.isEmpty, "a draft is left out, so its placeholders do not count")
    }

    @Test func publishingThePlaceholderIsAWarning() throws {
        let site = try fixtureSite()
        let path = try NewPage.create(.note, slug: "half-done", title: "Half done", root: site.path)
        let text = try site.read(path)
        try site.write(path, text.replacingOccurrences(of: "draft: true  # remove this line when the page is ready to publish\n", with: ""))
        let warnings = try Pipeline.check(BuildOptions(root: site.path, today: "2026-11-25")).map(\.description)
        #expect(
            warnings == [
                "content/notes/half-done.md:3:10: warning: 'summary' is empty: write one or two sentences for lists, search and link previews, or remove the key",
                "content/notes/half-done.md:12:1: warning: the placeholder text of 'strata new' is still here: write the page, or mark it 'draft: true' until it is ready",
            ])
    }

    @Test func refusesBadSlugsAndExistingFiles() throws {
        let site = try fixtureSite()
        #expect(throws: NewPage.Failure.self) {
            try NewPage.create(.note, slug: "Bad Slug", title: nil, root: site.path)
        }
        _ = try NewPage.create(.note, slug: "once", title: nil, root: site.path)
        let before = try site.read("content/notes/once.md")
        #expect(throws: NewPage.Failure.self) {
            try NewPage.create(.note, slug: "once", title: "Other", root: site.path)
        }
        #expect(try site.read("content/notes/once.md") == before)
    }
}
