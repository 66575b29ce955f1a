/// A set of templates that may include each other: each parsed once when the library loads, its
/// partials resolved to numbers, its cycles of inclusion found before anything renders.
public struct TemplateLibrary: Sendable {
    /// The templates' names, in the order given; a template's number is its place here.
    public let names: [String]
    let templates: [[TemplateNode]]
    private let numbers: [String: Int]

    /// Parses every template. A template with an error is kept, empty, so the others still load;
    /// the errors come back in the order of the templates, cycles of inclusion after them.
    public static func load(_ sources: [(name: String, source: String)]) -> (TemplateLibrary, [TemplateError]) {
        var numbers: [String: Int] = [:]
        for (offset, source) in sources.enumerated() where numbers[source.name] == nil {
            numbers[source.name] = offset
        }
        var errors: [TemplateError] = []
        var templates: [[TemplateNode]] = []
        for source in sources {
            do {
                templates.append(
                    try TemplateParser.parse(source.source, template: source.name) { numbers[$0] })
            } catch {
                errors.append(error)
                templates.append([])
            }
        }
        let library = TemplateLibrary(names: sources.map(\.name), templates: templates, numbers: numbers)
        return (library, errors + library.inclusionCycles(inSections: false))
    }

    /// Templates that include themselves, directly or through others. Those that do so outside any
    /// section are always errors (`load` reports them); `inSections` adds those inside sections and
    /// blocks, which only the data can stop: a caller whose data never nests reports them too.
    public func inclusionCycles(inSections: Bool) -> [TemplateError] {
        let always = InclusionCycles.find(in: self, inSections: false)
        guard inSections else { return always }
        let reported = Set(always.map(\.template))
        return always + InclusionCycles.find(in: self, inSections: true).filter { !reported.contains($0.template) }
    }

    public func number(of name: String) -> Int? { numbers[name] }

    /// The names of the templates that rendering template `number` may include, itself among them:
    /// its partials and parents, theirs, and so on.
    public func closure(of number: Int) -> Set<String> {
        var seen: Set<Int> = [number]
        var pending = [number]
        while let next = pending.popLast() {
            TemplateWalk.references(in: templates[next], conditional: true) { reference, _ in
                if let index = reference.index, seen.insert(index).inserted { pending.append(index) }
            }
        }
        return Set(seen.map { names[$0] })
    }

    /// Every name any template looks up (the first part of a dotted name): a value no template
    /// names need not be built.
    public var referencedNames: Set<String> {
        var names = Set<String>()
        var pending = templates
        while let nodes = pending.popLast() {
            for node in nodes {
                switch node {
                case .variable(let name, _, _): if let first = name.parts.first { names.insert(first) }
                case .section(let name, let content, _, _):
                    if let first = name.parts.first { names.insert(first) }
                    pending.append(content)
                case .parent(_, let overrides, _): pending += overrides.values.map(\.content)
                case .block(let block): pending.append(block.content)
                case .text, .lineStart, .partial: break
                }
            }
        }
        return names
    }

    /// Every partial and parent tag that names a template the library does not have. Rendering
    /// treats such a tag as empty text, as the Mustache spec says; a strict caller reports these.
    public var missingPartials: [TemplateError] {
        var errors: [TemplateError] = []
        for (number, nodes) in templates.enumerated() {
            TemplateWalk.references(in: nodes, conditional: true) { reference, _ in
                if reference.index == nil {
                    errors.append(
                        TemplateError(
                            "there is no template '\(reference.name)' to include", in: names[number],
                            at: reference.location))
                }
            }
        }
        return errors
    }

    /// Renders template `name` with `context` as the only value on the context stack.
    public func render(_ name: String, _ context: TemplateValue) throws(TemplateError) -> String {
        guard let number = numbers[name] else { return "" }
        var output: [UInt8] = []
        try render(number, stack: [context], into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders template `number` into `output`, names looked up from the end of `stack` to its
    /// start: a page's own values on top of the values every page has, without merging them.
    public func render(_ number: Int, stack: [TemplateValue], into output: inout [UInt8]) throws(TemplateError) {
        var renderer = TemplateRenderer(library: self, stack: stack)
        swap(&renderer.output, &output)
        defer { swap(&renderer.output, &output) }
        try renderer.render(template: number)
    }
}

/// Walks the nodes of a template without recursion.
enum TemplateWalk {
    /// Calls `visit` with each partial and parent tag; with `conditional` false, only those that
    /// always render (not inside a section, an inverted section or a block).
    static func references(
        in nodes: [TemplateNode], conditional: Bool, _ visit: (PartialReference, _ isParent: Bool) -> Void
    ) {
        var pending: [[TemplateNode]] = [nodes]
        while let nodes = pending.popLast() {
            for node in nodes {
                switch node {
                case .partial(let reference, _): visit(reference, false)
                case .parent(let reference, let overrides, _):
                    visit(reference, true)
                    if conditional { pending += overrides.values.map(\.content) }
                case .section(_, let content, _, _): if conditional { pending.append(content) }
                case .block(let block): if conditional { pending.append(block.content) }
                case .text, .lineStart, .variable: break
                }
            }
        }
    }
}
