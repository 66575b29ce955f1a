import StrataTemplates

/// The reference part of docs/templates.md, written from the views themselves: every template's
/// context stack and every value of every view. A test keeps the document equal to it.
enum ThemeReference {
    static let begin = "<!-- reference: generated from the views; the test suite checks it -->"
    static let end = "<!-- end of reference -->"

    static func markdown() -> String {
        var lines = [
            begin, "", "### Which views each template gets", "", "| template | views, outermost first |", "|---|---|",
        ]
        var objects: [TemplateObjectSchema] = []
        for template in ThemeTemplate.allCases {
            let nouns = template.views.compactMap { $0.object?.noun }.map { "*\($0)*" }
            lines.append("| `\(template.rawValue)` | \(nouns.joined(separator: ", ")) |")
            for view in template.views { collect(view, into: &objects) }
        }
        for object in objects {
            lines += ["", "### \(object.noun ?? "values")", "", "| name | value |", "|---|---|"]
            for (name, schema) in zip(object.names, object.schemas) {
                let value = describe(schema) + (object.optional.contains(name) ? ", or false" : "")
                lines.append("| `\(name)` | \(value) |")
            }
        }
        return (lines + ["", end]).joined(separator: "\n")
    }

    private static func collect(_ schema: TemplateSchema, into objects: inout [TemplateObjectSchema]) {
        var pending = [schema]
        while let schema = pending.popLast() {
            switch schema {
            case .list(let element): pending.append(element)
            case .object(let object):
                guard !objects.contains(where: { $0.noun == object.noun && $0.names == object.names }) else { continue }
                objects.append(object)
                pending += object.schemas.reversed()
            default: break
            }
        }
    }

    private static func describe(_ schema: TemplateSchema) -> String {
        switch schema {
        case .text: "text"
        case .html: "*HTML*, for `{{{…}}}`"
        case .bool: "true or false"
        case .number: "a number"
        case .unknown: "any value"
        case .list(let element): "a list, each " + describe(element)
        case .object(let object): object.noun.map { "*\($0)*" } ?? "values"
        }
    }
}
