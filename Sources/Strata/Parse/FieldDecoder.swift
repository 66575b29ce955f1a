/// Reads typed values out of YAML nodes, reporting each problem at the node it concerns.
struct FieldDecoder {
    var diagnostics = Diagnostics()

    /// The entries of a mapping, in file order, with the location of each key.
    struct Map {
        var node: YAMLNode
        var entries: [(key: Located<String>, value: YAMLNode)]

        subscript(key: String) -> YAMLNode? {
            entries.first { $0.key.value == key }?.value
        }

    }

    mutating func map(_ node: YAMLNode, _ what: String) -> Map? {
        guard case .mapping(let pairs) = node.value else {
            diagnostics.error("\(what) must be a map of keys to values, not \(node.kindName)", at: node.location)
            return nil
        }
        var entries: [(key: Located<String>, value: YAMLNode)] = []
        for pair in pairs {
            guard case .scalar(let key, _) = pair.key.value else {
                diagnostics.error("keys in \(what) must be plain names", at: pair.key.location)
                continue
            }
            entries.append((Located(value: key, location: pair.key.location), pair.value))
        }
        return Map(node: node, entries: entries)
    }

    /// Reports unknown keys (with a suggestion) and missing required keys.
    mutating func checkKeys(
        _ map: Map, allowed: [String], required: [String], in what: String, missingAt: SourceLocation
    ) {
        for entry in map.entries where !allowed.contains(entry.key.value) {
            var message = "unknown key '\(entry.key.value)' in \(what)"
            if let suggestion = Self.closest(to: entry.key.value, in: allowed) {
                message += "; did you mean '\(suggestion)'?"
            } else {
                message += "; allowed keys are \(allowed.joined(separator: ", "))"
            }
            diagnostics.error(message, at: entry.key.location)
        }
        for key in required where map[key] == nil {
            diagnostics.error("missing required key '\(key)' in \(what); add '\(key): …'", at: missingAt)
        }
    }

    // MARK: Scalars

    mutating func string(_ node: YAMLNode?, _ key: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let text, _) = node.value, !node.isNull else {
            diagnostics.error("'\(key)' must be text, not \(node.kindName)", at: node.location)
            return nil
        }
        return text
    }

    mutating func day(_ node: YAMLNode?, _ key: String) -> Located<Day>? {
        guard let node, let text = string(node, key) else { return nil }
        guard let day = Day(text) else {
            if let reason = Day.whyNot(text) {
                diagnostics.error("'\(key)' is '\(text)', a day that does not exist: \(reason)", at: node.location)
                return nil
            }
            diagnostics.error("'\(key)' must be a date written YYYY-MM-DD, not '\(text)'", at: node.location)
            return nil
        }
        return Located(value: day, location: node.location)
    }

    mutating func int(_ node: YAMLNode?, _ key: String) -> Int? {
        guard let node, let text = string(node, key) else { return nil }
        guard let value = Int(text) else {
            diagnostics.error("'\(key)' must be a whole number, not '\(text)'", at: node.location)
            return nil
        }
        return value
    }

    mutating func bool(_ node: YAMLNode?, _ key: String) -> Bool? {
        guard let node, let text = string(node, key) else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            diagnostics.error("'\(key)' must be true or false, not '\(text)'", at: node.location)
            return nil
        }
    }

    mutating func oneOf<Value: RawRepresentable<String> & CaseIterable>(
        _ node: YAMLNode?, _ key: String, as type: Value.Type
    ) -> Value? {
        guard let node, let text = string(node, key) else { return nil }
        guard let value = Value(rawValue: text) else {
            let choices = Value.allCases.map(\.rawValue).joined(separator: ", ")
            diagnostics.error("'\(key)' must be one of \(choices); found '\(text)'", at: node.location)
            return nil
        }
        return value
    }

    mutating func slug(_ node: YAMLNode?, _ key: String) -> Located<String>? {
        guard let node, let text = string(node, key) else { return nil }
        guard Slug.isValid(text) else {
            diagnostics.error(
                "'\(key)' must be a slug (lowercase letters, digits and single hyphens), not '\(text)'",
                at: node.location)
            return nil
        }
        return Located(value: text, location: node.location)
    }

    mutating func url(_ node: YAMLNode?, _ key: String) -> String? {
        guard let node, let text = string(node, key) else { return nil }
        guard text.hasPrefix("https://") || text.hasPrefix("http://"), !ByteSearch.contains(UInt8(ascii: " "), in: text) else {
            diagnostics.error("'\(key)' must be an http or https URL, not '\(text)'", at: node.location)
            return nil
        }
        return text
    }

    // MARK: Lists

    mutating func list(_ node: YAMLNode?, _ key: String) -> [YAMLNode] {
        guard let node, !node.isNull else { return [] }
        guard case .sequence(let items) = node.value else {
            diagnostics.error("'\(key)' must be a list, not \(node.kindName)", at: node.location)
            return []
        }
        return items
    }

    mutating func slugs(_ node: YAMLNode?, _ key: String) -> [Located<String>] {
        var seen = Set<String>()
        var result: [Located<String>] = []
        for item in list(node, key) {
            guard let slug = slug(item, key) else { continue }
            if seen.insert(slug.value).inserted {
                result.append(slug)
            } else {
                diagnostics.error("'\(slug.value)' is listed twice in '\(key)'", at: item.location)
            }
        }
        return result
    }

    mutating func strings(_ node: YAMLNode?, _ key: String) -> [Located<String>] {
        list(node, key).compactMap { item in
            string(item, key).map { Located(value: $0, location: item.location) }
        }
    }

    /// The nearest allowed key within two edits, for "did you mean".
    static func closest(to key: String, in candidates: [String]) -> String? {
        let scored = candidates.map { ($0, EditDistance.between(key, $0)) }.filter { $0.1 <= 2 }
        return scored.min { ($0.1, $0.0) < ($1.1, $1.0) }?.0
    }
}

enum EditDistance {
    static func between(_ lhs: String, _ rhs: String) -> Int {
        let a = Array(lhs.utf8)
        let b = Array(rhs.utf8)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            previous = current
        }
        return previous[b.count]
    }
}
