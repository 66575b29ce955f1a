import Foundation
import Testing

@testable import Strata

/// The output folder is replaced whole, except for hidden files its owner put there.
@Suite struct OutputStageTests {
    @Test func hiddenFilesAtTheTopOfTheOutputSurviveARebuild() throws {
        let site = try fixtureSite()
        let options = BuildOptions(root: site.path, today: "2026-11-25")
        try site.write("public/.gitkeep", "")
        try site.write("public/.nojekyll", "keep me")
        try site.writeEarlierOutput(["stale-page.html": "old"])
        _ = try Pipeline.build(options)
        #expect(try site.read("public/.nojekyll") == "keep me")
        #expect(FileManager.default.fileExists(atPath: site.file("public/.gitkeep")))
        #expect(!FileManager.default.fileExists(atPath: site.file("public/stale-page.html")))
        #expect(FileManager.default.fileExists(atPath: site.file("public/index.html")))
    }
}
