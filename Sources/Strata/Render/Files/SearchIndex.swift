/// The search index: one JavaScript file, so search works offline, from file:// and under any path.
enum SearchIndex {
    /// Characters of body text kept per page.
    static let textLimit = 600

    static func build(_ resolved: ResolvedSite) -> String {
        let site = resolved.site
        var entries: [String] = []
        for (index, page) in site.pages.enumerated() where page.kind != .sectionIntro {
            var text = resolved.documents[index].blocks.plainText
            if text.count > textLimit { text = String(text.prefix(textLimit)) }
            let tags = page.fields.tags.map(\.value).joined(separator: " ")
            let headings = page.headings.map(\.text).joined(separator: " ")
            entries.append(
                "{\"t\":\(JSON.quote(page.title)),\"u\":\(JSON.quote(page.url)),\"k\":\(JSON.quote(page.kind.rawValue)),"
                    + "\"s\":\(JSON.quote(page.fields.summary ?? "")),\"h\":\(JSON.quote(headings)),"
                    + "\"g\":\(JSON.quote(tags)),\"x\":\(JSON.quote(text))}")
        }
        return "window.STRATA_SEARCH=[\n" + entries.joined(separator: ",\n") + "\n];\n"
    }
}

enum JSON {
    static func quote(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
