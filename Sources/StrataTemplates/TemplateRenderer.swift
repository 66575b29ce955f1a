/// Renders compiled nodes into one byte buffer, looking names up on a stack of typed values.
/// Its recursion follows the template's nesting, which the parser limits, and partials that
/// recur through their data, which `maximumDepth` limits.
struct TemplateRenderer {
    /// How deep sections, partials and blocks may nest while rendering.
    static let maximumDepth = 200

    let library: TemplateLibrary
    var stack: [TemplateValue]
    var output: [UInt8] = []
    /// The blocks a child template fills, the outermost child's first.
    private var overrides: [String: TemplateBlock] = [:]
    /// Written at the start of every line of the template being rendered (an indented partial).
    private var indentation = ""
    /// How many characters of each line's own leading whitespace to drop (a filled block).
    private var strip = 0
    private var depth = 0
    private var template = 0

    init(library: TemplateLibrary, stack: [TemplateValue]) {
        self.library = library
        self.stack = stack
    }

    mutating func render(template number: Int) throws(TemplateError) {
        template = number
        try render(library.templates[number])
    }

    private mutating func render(_ nodes: [TemplateNode]) throws(TemplateError) {
        for node in nodes {
            switch node {
            case .text(let text):
                HTMLEscape.append(raw: text, to: &output)
            case .lineStart(let leading):
                if !indentation.isEmpty { HTMLEscape.append(raw: indentation, to: &output) }
                if strip == 0 {
                    if !leading.isEmpty { HTMLEscape.append(raw: leading, to: &output) }
                } else if leading.utf8.count > strip {
                    HTMLEscape.append(raw: String(leading.dropFirst(strip)), to: &output)
                }
            case .variable(let name, let escaped, _):
                if let value = lookup(name) { write(value, escaped: escaped) }
            case .section(let name, let content, let inverted, let location):
                let value = lookup(name) ?? .null
                if inverted {
                    if !value.isTruthy { try nest(content, at: location) }
                } else if case .list(let items) = value {
                    for item in items {
                        stack.append(item)
                        try nest(content, at: location)
                        stack.removeLast()
                    }
                } else if value.isTruthy {
                    stack.append(value)
                    try nest(content, at: location)
                    stack.removeLast()
                }
            case .partial(let reference, let indentation):
                guard let number = reference.index else { continue }
                try include(number, indentation: indentation, at: reference.location)
            case .parent(let reference, let given, let indentation):
                guard let number = reference.index else { continue }
                let saved = overrides
                // The outermost child's blocks win over those of the templates it extends.
                overrides = given.merging(saved) { _, outer in outer }
                defer { overrides = saved }
                try include(number, indentation: indentation, at: reference.location)
            case .block(let block):
                guard let filled = overrides[block.name] else {
                    try nest(block.content, at: block.location)
                    continue
                }
                let saved = (indentation, strip)
                if let site = block.indentation { indentation += site.dropFirst(strip) }
                strip = filled.indentation?.utf8.count ?? 0
                defer { (indentation, strip) = saved }
                try nest(filled.content, at: block.location)
            }
        }
    }

    private mutating func nest(_ nodes: [TemplateNode], at location: TemplateLocation) throws(TemplateError) {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw tooDeep(location) }
        try render(nodes)
    }

    private mutating func include(_ number: Int, indentation tag: String?, at location: TemplateLocation)
        throws(TemplateError)
    {
        let saved = (indentation, strip, template)
        indentation = tag.map { indentation + $0.dropFirst(strip) } ?? ""
        strip = 0
        defer { (indentation, strip, template) = saved }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw tooDeep(location) }
        template = number
        try render(library.templates[number])
    }

    private func tooDeep(_ location: TemplateLocation) -> TemplateError {
        TemplateError(
            "rendering nests sections and partials more than \(Self.maximumDepth) deep here: "
                + "does a partial include itself through its data?", in: library.names[template], at: location)
    }

    private func lookup(_ name: TemplateName) -> TemplateValue? {
        guard let first = name.parts.first else { return stack.last }
        var found: TemplateValue?
        for value in stack.reversed() {
            if case .object(let object) = value, let value = object[first] {
                found = value
                break
            }
        }
        guard var current = found else { return nil }
        for part in name.parts.dropFirst() {
            guard case .object(let object) = current, let next = object[part] else { return nil }
            current = next
        }
        return current
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .null, .list, .object: break
        case .bool(let value): HTMLEscape.append(raw: value ? "true" : "false", to: &output)
        case .int(let value): HTMLEscape.append(raw: String(value), to: &output)
        case .double(let value): HTMLEscape.append(raw: String(value), to: &output)
        case .text(let text):
            if escaped { HTMLEscape.append(text, to: &output) } else { HTMLEscape.append(raw: text, to: &output) }
        case .html(let html): HTMLEscape.append(raw: html, to: &output)
        }
    }
}
