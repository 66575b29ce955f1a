import Mustache

/// The theme's Mustache templates, loaded once; a syntax error names the template file and line.
struct TemplateSet: Sendable {
    static let required = [
        "layout", "home", "page", "layer", "project", "stack", "projects", "notes", "terms", "term", "scorecard",
        "reviews", "search", "404", "redirect",
    ]

    let library: MustacheLibrary

    static func load(_ files: [SiteSource.TextFile]) -> (TemplateSet, [Diagnostic]) {
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var names = Set<String>()
        for file in files {
            let name = String(file.path.dropFirst("templates/".count).dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: file.text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(
                    path: file.path, line: error.context.lineNumber, column: max(1, error.context.columnNumber))
                diagnostics.append(Diagnostic(.error, "template error: \(describe(error.error))", at: location))
                names.insert(name)
            } catch {
                diagnostics.append(Diagnostic(.error, "template error: \(error)", at: SourceLocation(path: file.path)))
                names.insert(name)
            }
        }
        for name in required where !names.contains(name) {
            diagnostics.append(Diagnostic(
                .error, "the theme has no '\(name)' template: add templates/\(name).mustache",
                at: SourceLocation(path: "templates/\(name).mustache")))
        }
        return (TemplateSet(library: library), diagnostics)
    }

    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    private static func describe(_ error: any Error) -> String {
        let text = String(describing: error)
        switch text {
        case "sectionCloseNameIncorrect": return "a section is closed with a different name than it was opened with"
        case "unfinishedName": return "a tag is not closed with }}"
        case "expectedSectionEnd": return "a section is never closed"
        default: return text
        }
    }
}
