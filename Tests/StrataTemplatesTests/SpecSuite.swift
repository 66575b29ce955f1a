import Foundation
import StrataTemplates

/// The official Mustache spec suites, read from `../shared/mustache-spec/` beside the package
/// (or the folder `STRATA_MUSTACHE_SPEC` names); they are test data, not part of the project.
enum SpecSuite {
    static let folder: URL? = {
        let environment = ProcessInfo.processInfo.environment["STRATA_MUSTACHE_SPEC"]
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let folder =
            environment.map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/mustache-spec")
        return FileManager.default.fileExists(atPath: folder.appendingPathComponent("sections.json").path)
            ? folder : nil
    }()

    static let absent =
        "The Mustache spec suites were not found at ../shared/mustache-spec/ (set STRATA_MUSTACHE_SPEC to their folder): the conformance tests did not run"

    struct File: Decodable {
        var tests: [Case]
    }

    struct Case: Decodable {
        var name: String
        var desc: String
        var data: SpecValue
        var template: String
        var partials: [String: String]?
        var expected: String
    }

    static func cases(_ module: String) throws -> [Case] {
        guard let folder else { return [] }
        let data = try Data(contentsOf: folder.appendingPathComponent(module + ".json"))
        return try JSONDecoder().decode(File.self, from: data).tests
    }
}

/// A JSON value of the spec's data, as a template value.
struct SpecValue: Decodable {
    var value: TemplateValue

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            value = .null
        } else if let bool = try? container.decode(Bool.self) {
            value = .bool(bool)
        } else if let int = try? container.decode(Int.self) {
            value = .int(int)
        } else if let double = try? container.decode(Double.self) {
            value = .double(double)
        } else if let text = try? container.decode(String.self) {
            value = .text(text)
        } else if let list = try? container.decode([SpecValue].self) {
            value = .list(list.map(\.value))
        } else {
            var object = TemplateObject()
            for (name, value) in try container.decode([String: SpecValue].self) { object[name] = value.value }
            value = .object(object)
        }
    }
}
