import Foundation
import Testing

@testable import Strata

/// Every input under Tests/Fixtures/fuzz/ (seeds, and anything tests/fuzz.sh ever found) builds
/// as a note and as a project profile to diagnostics or a page: no crash, no hang, and no
/// message that carries the input's control characters.
@Suite struct FuzzRegressionTests {
    static let folder = Repo.fixtures + "/fuzz"

    static var inputs: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test func thereAreInputs() {
        #expect(!Self.inputs.isEmpty)
    }

    @Test(arguments: inputs) func buildsToDiagnosticsOrAPage(_ name: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.folder + "/" + name))
        let text = String(decoding: data, as: UTF8.self)
        for path in ["content/notes/fuzz.md", "content/projects/fuzz.md"] {
            var messages: [String] = []
            switch MemorySite.render([path: text]) {
            case .success(let files): #expect(!files.isEmpty)
            case .failure(let failure): messages = failure.diagnostics.map(\.message)
            }
            for message in messages {
                #expect(
                    !message.unicodeScalars.contains { $0.properties.generalCategory == .control },
                    "\(name) as \(path): \(message.debugDescription)")
            }
        }
    }
}
