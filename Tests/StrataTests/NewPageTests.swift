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
                "content/projects/new-thing.md:4:9: error: 'layers' must name at least one layer of content/stack/"
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
