import StrataTemplates

/// The theme's Mustache templates, parsed once and checked against the views they will be given
/// before any page renders: a syntax error, a missing template or partial, a name the view does
/// not have or a partial that includes itself is an error at its file, line and column.
struct TemplateSet: Sendable {
    let library: TemplateLibrary
    /// The library's number of each `ThemeTemplate`, in the enum's order.
    private let numbers: [Int?]
    /// Whether any template shows an item's `html` or `card`: if not, items are not rendered
    /// through those partials at all.
    let usesItemHTML: Bool
    let usesItemCard: Bool

    static func load(_ files: [SiteSource.TextFile]) -> (TemplateSet, [Diagnostic]) {
        let sources = files.map { file in
            (name: String(file.path.dropFirst("templates/".count).dropLast(".mustache".count)), source: file.text)
        }
        let (library, errors) = TemplateLibrary.load(sources)
        var diagnostics = errors.map(diagnostic)
        let numbers = ThemeTemplate.allCases.map { library.number(of: $0.rawValue) }
        for (template, number) in zip(ThemeTemplate.allCases, numbers) where number == nil {
            diagnostics.append(
                Diagnostic(
                    .error, "the theme has no '\(template.rawValue)' template: add \(template.path)",
                    at: SourceLocation(path: template.path)))
        }
        diagnostics += library.missingPartials.map(diagnostic)
        // The views hold no lists of themselves, so a partial that includes itself never ends.
        diagnostics += library.inclusionCycles(inSections: true).filter { cycle in !errors.contains(cycle) }.map(
            diagnostic)
        if errors.isEmpty {
            for (template, number) in zip(ThemeTemplate.allCases, numbers) {
                guard let number else { continue }
                diagnostics += TemplateCheck.check(library, template: number, stack: template.views).map(diagnostic)
            }
        }
        let names = library.referencedNames
        let set = TemplateSet(
            library: library, numbers: numbers, usesItemHTML: names.contains("html"),
            usesItemCard: names.contains("card"))
        return (set, diagnostics)
    }

    private static func diagnostic(_ error: TemplateError) -> Diagnostic {
        Diagnostic(
            .error, error.message,
            at: SourceLocation(path: "templates/\(error.template).mustache", line: error.line, column: error.column))
    }

    /// Per `ThemeTemplate`: the template files (`templates/…` paths) a page rendered with it may
    /// read, the layout's and the item partials' included.
    private let files: [Set<String>]

    func files(of template: ThemeTemplate) -> Set<String> {
        ThemeTemplate.allCases.firstIndex(of: template).map { files[$0] } ?? []
    }

    private init(library: TemplateLibrary, numbers: [Int?], usesItemHTML: Bool, usesItemCard: Bool) {
        (self.library, self.numbers, self.usesItemHTML, self.usesItemCard) = (library, numbers, usesItemHTML, usesItemCard)
        func closure(_ template: ThemeTemplate) -> Set<String> {
            guard let index = ThemeTemplate.allCases.firstIndex(of: template), let number = numbers[index] else {
                return []
            }
            return library.closure(of: number)
        }
        let shared = closure(.layout).union(closure(.pageItem)).union(closure(.card))
        files = ThemeTemplate.allCases.map { template in
            Set(closure(template).union(shared).map { "templates/" + $0 + ".mustache" })
        }
    }

    /// Renders `template` with `stack` (outermost first). The check at load rejects every theme
    /// that could fail here (unknown names, cycles, nesting past the renderer's limit counted
    /// through partials), so the error branch is a last resort: it writes the error into the page.
    func render(_ template: ThemeTemplate, _ stack: [TemplateValue]) -> String {
        guard let index = ThemeTemplate.allCases.firstIndex(of: template), let number = numbers[index] else {
            return ""
        }
        var output: [UInt8] = []
        do {
            try library.render(number, stack: stack, into: &output)
        } catch {
            output += Array(
                "<!-- templates/\(error.template).mustache:\(error.line):\(error.column): \(error.message) -->".utf8)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
