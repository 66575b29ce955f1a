/// Checks a template, and the partials it includes, against the schemas of the values it will be
/// rendered with, before anything renders: a name the view does not have is an error with the
/// nearest name it does have, and text written with `{{{…}}}` (unescaped) is an error.
public struct TemplateCheck {
    private let library: TemplateLibrary
    private var errors: [TemplateError] = []
    private var seen = Set<String>()
    private var including: [Int] = []
    /// Sections, blocks and partials open at this point, as the renderer counts them.
    private var depth = 0

    /// - Parameter stack: the schemas of the context stack, outermost first, as `render` gets the values.
    public static func check(_ library: TemplateLibrary, template number: Int, stack: [TemplateSchema])
        -> [TemplateError]
    {
        var check = TemplateCheck(library: library)
        check.including = [number]
        check.walk(library.templates[number], stack: stack, template: number)
        return check.errors
    }

    private init(library: TemplateLibrary) { self.library = library }

    private mutating func walk(_ nodes: [TemplateNode], stack: [TemplateSchema], template: Int) {
        for node in nodes {
            switch node {
            case .text, .lineStart: break
            case .variable(let name, let escaped, let location):
                guard let schema = resolve(name, stack, at: location, in: template) else { continue }
                if !escaped, schema == .text {
                    report(
                        "'\(name)' is text, which {{{\(name)}}} would write without escaping: write {{\(name)}}",
                        at: location, in: template)
                }
            case .section(let name, let content, let inverted, let location):
                guard let schema = resolve(name, stack, at: location, in: template),
                    enter(at: location, in: template)
                else { continue }
                defer { depth -= 1 }
                if inverted {
                    walk(content, stack: stack, template: template)
                } else if case .list(let element) = schema {
                    walk(content, stack: stack + [element], template: template)
                } else {
                    walk(content, stack: stack + [schema], template: template)
                }
            case .partial(let reference, _):
                include(reference, stack: stack, from: template)
            case .parent(let reference, let overrides, _):
                include(reference, stack: stack, from: template)
                for block in overrides.values { walk(block.content, stack: stack, template: template) }
            case .block(let block):
                guard enter(at: block.location, in: template) else { continue }
                defer { depth -= 1 }
                walk(block.content, stack: stack, template: template)
            }
        }
    }

    private mutating func include(_ reference: PartialReference, stack: [TemplateSchema], from template: Int) {
        guard let number = reference.index, !including.contains(number), enter(at: reference.location, in: template)
        else { return }
        defer { depth -= 1 }
        including.append(number)
        walk(library.templates[number], stack: stack, template: number)
        including.removeLast()
    }

    /// One level deeper; past the renderer's limit an error (so a checked template never meets
    /// the limit while rendering) and no deeper.
    private mutating func enter(at location: TemplateLocation, in template: Int) -> Bool {
        guard depth < TemplateRenderer.maximumDepth else {
            report(
                "sections, blocks and partials nest more than \(TemplateRenderer.maximumDepth) deep here, "
                    + "counting the partials included on the way: include fewer partials inside each other",
                at: location, in: template)
            return false
        }
        depth += 1
        return true
    }

    private mutating func resolve(
        _ name: TemplateName, _ stack: [TemplateSchema], at location: TemplateLocation, in template: Int
    ) -> TemplateSchema? {
        guard let first = name.parts.first else { return stack.last ?? .unknown }
        var found: TemplateSchema?
        for schema in stack.reversed() {
            if case .unknown = schema { return .unknown }
            if let object = schema.object, let value = object[first] {
                found = value
                break
            }
        }
        guard var current = found else {
            let visible = stack.compactMap(\.object).flatMap(\.names)
            let noun = stack.reversed().lazy.compactMap { $0.object?.noun }.first
            report(
                Self.unknown(first, of: noun.map { "a value of \($0)" } ?? "a value here", visible), at: location,
                in: template)
            return nil
        }
        for (offset, part) in name.parts.enumerated().dropFirst() {
            if case .unknown = current { return .unknown }
            guard let object = current.object, let next = object[part] else {
                let owner = name.parts[..<offset].joined(separator: ".")
                report(
                    Self.unknown(part, of: "a value of '\(owner)'", current.object?.names ?? []), at: location,
                    in: template)
                return nil
            }
            current = next
        }
        return current
    }

    private static func unknown(_ name: String, of owner: String, _ candidates: [String]) -> String {
        var message = "'\(name)' is not \(owner)"
        if let nearest = Suggestion.nearest(to: name, among: candidates) { message += "; did you mean '\(nearest)'?" }
        return message
    }

    private mutating func report(_ message: String, at location: TemplateLocation, in template: Int) {
        let error = TemplateError(message, in: library.names[template], at: location)
        if seen.insert(error.description).inserted { errors.append(error) }
    }
}

/// The name nearest to a misspelt one, by edit distance, if it is near enough to be meant.
enum Suggestion {
    static func nearest(to name: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, name.count / 3))
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != name {
            let distance = editDistance(Array(name.lowercased()), Array(candidate.lowercased()))
            if distance <= limit, distance < best?.distance ?? .max { best = (candidate, distance) }
        }
        return best?.name
    }

    /// Edits between two names, a swap of neighbours counting as one (`titel` is one from `title`).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
