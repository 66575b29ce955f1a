/// Paths inside the output folder, always written with `/` and without a leading slash.
enum URLPath {
    /// The relative link from the page at `from` (a folder URL like `projects/io-net/`) to `to`.
    static func relative(from: String, to: String) -> String {
        let fromFolder = from.isEmpty || from.hasSuffix("/") ? from : folder(of: from)
        let fromParts = fromFolder.split(separator: "/")
        let toParts = to.split(separator: "/", omittingEmptySubsequences: true)
        var common = 0
        while common < fromParts.count, common < toParts.count - (to.hasSuffix("/") ? 0 : 1),
            fromParts[common] == toParts[common]
        {
            common += 1
        }
        let up = String(repeating: "../", count: fromParts.count - common)
        var rest = toParts[common...].joined(separator: "/")
        if to.hasSuffix("/") && !rest.isEmpty { rest += "/" }
        let result = up + rest
        return result.isEmpty ? "./" : result
    }

    /// Resolves `.` and `..` in a `/`-separated path; `nil` when it climbs above the top.
    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// The folder part of a path: `projects/io-net.md` → `projects`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// Whether a link destination names a scheme (`https:`, `mailto:`) or is protocol-relative.
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+.-".contains($0)) }
    }
}
