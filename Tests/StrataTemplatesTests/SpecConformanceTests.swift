import Testing

@testable import StrataTemplates

/// Every test of the spec's required modules and of template inheritance.
@Suite struct SpecConformanceTests {
    static let modules = [
        "comments", "delimiters", "interpolation", "inverted", "partials", "sections", "~inheritance",
    ]

    @Test(.enabled(if: SpecSuite.folder != nil, Comment(rawValue: SpecSuite.absent)), arguments: modules)
    func module(_ module: String) throws {
        let cases = try SpecSuite.cases(module)
        #expect(!cases.isEmpty, "\(module).json holds no tests")
        for test in cases {
            let name = "(spec test)"
            let sources = [(name: name, source: test.template)] + (test.partials ?? [:]).map { ($0.key, $0.value) }
            let (library, errors) = TemplateLibrary.load(sources)
            #expect(errors.isEmpty, "\(module) / \(test.name): \(errors)")
            let rendered = try library.render(name, test.data.value)
            #expect(rendered == test.expected, "\(module) / \(test.name): \(test.desc)")
        }
    }

    @Test func absentSuitesAreSaidPlainly() {
        if SpecSuite.folder == nil { print(SpecSuite.absent) }
        #expect(SpecSuite.absent.contains("did not run"))
    }
}
