import Mustache

/// The theme's Mustache templates, loaded once; a syntax error names the template file and line.
struct TemplateSet: Sendable {
    static let required = [
        "layout", "home", "page", "layer", "project", "stack", "landscape", "projects", "notes", "terms", "term", "scorecard",
        "reviews", "search", "404", "redirect",
    ]

    let library: MustacheLibrary

    /// swift-mustache escapes HTML one Character at a time through a dictionary lookup; this
    /// content type escapes the same five characters with a byte scan. Every template starts with
    /// the pragma that selects it (on line 1, so error lines stay right).
    private struct ByteScanHTML: MustacheContentType {
        func escapeText(_ text: String) -> String { HTML.escape(text) }
    }

    private static let contentTypeName = "STRATA_HTML"
    private static let pragma = "{{%CONTENT_TYPE:\(contentTypeName)}}"
    private static let registered: Bool = {
        MustacheContentTypes.register(ByteScanHTML(), named: contentTypeName)
        return true
    }()

    static func load(_ files: [SiteSource.TextFile]) -> (TemplateSet, [Diagnostic]) {
        _ = registered
        var library = MustacheLibrary()
        var diagnostics: [Diagnostic] = []
        var names = Set<String>()
        for file in files {
            let name = String(file.path.dropFirst("templates/".count).dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: pragma + file.text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = error.context.columnNumber - (line == 1 ? pragma.count : 0)
                let location = SourceLocation(path: file.path, line: line, column: max(1, column))
                diagnostics.append(Diagnostic(.error, "template error: \(describe(error.error))", at: location))
                names.insert(name)
            } catch {
                diagnostics.append(Diagnostic(.error, "template error: \(error)", at: SourceLocation(path: file.path)))
                names.insert(name)
            }
        }
        for name in required where !names.contains(name) {
            diagnostics.append(
                Diagnostic(
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
