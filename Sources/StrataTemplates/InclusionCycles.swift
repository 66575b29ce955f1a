/// Templates that include themselves, directly or through others, where nothing in the data can
/// stop it (the tag is not inside a section or block): each would render forever.
enum InclusionCycles {
    static func find(in library: TemplateLibrary, inSections: Bool) -> [TemplateError] {
        let count = library.templates.count
        var edges: [[(target: Int, reference: PartialReference)]] = Array(repeating: [], count: count)
        for (number, nodes) in library.templates.enumerated() {
            TemplateWalk.references(in: nodes, conditional: inSections) { reference, _ in
                if let target = reference.index { edges[number].append((target, reference)) }
            }
        }
        var errors: [TemplateError] = []
        var reported = Set<[Int]>()
        for start in 0..<count {
            // Breadth-first from `start`, to the shortest way back to it.
            var previous: [Int: (from: Int, reference: PartialReference)] = [:]
            var queue = [start]
            var head = 0
            var closing: (from: Int, reference: PartialReference)?
            search: while head < queue.count {
                let node = queue[head]
                head += 1
                for edge in edges[node] {
                    if edge.target == start {
                        closing = (node, edge.reference)
                        break search
                    }
                    if previous[edge.target] == nil {
                        previous[edge.target] = (node, edge.reference)
                        queue.append(edge.target)
                    }
                }
            }
            guard let closing else { continue }
            var chain = [start]
            var node = closing.from
            while node != start {
                chain.insert(node, at: 1)
                guard let step = previous[node] else { break }
                node = step.from
            }
            guard reported.insert(chain.sorted()).inserted else { continue }
            let names = (chain + [start]).map { library.names[$0] }
            let first = chain.count > 1 ? previous[chain[1]]?.reference ?? closing.reference : closing.reference
            let through =
                chain.count > 1
                ? " through " + chain.dropFirst().map { "'\(library.names[$0])'" }.joined(separator: ", ") : ""
            errors.append(
                TemplateError(
                    "'\(library.names[start])' includes itself\(through) (\(names.joined(separator: " → "))), "
                        + "so it would never finish: put the inclusion inside a section or remove it",
                    in: library.names[start], at: first.location))
        }
        return errors
    }
}
