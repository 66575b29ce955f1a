/// Paths inside the output folder, always written with `/` and without a leading slash.
enum URLPath {
    /// The relative link from the page at `from` (a folder URL like `projects/io-net/`) to `to`.
    static func relative(from: String, to: String) -> String {
        var from = from
        var to = to
        let fast = from.withUTF8 { from in
            to.withUTF8 { to in relativeOfPlainPaths(from: from, to: to) }
        }
        return fast ?? relativeOfAnyPaths(from: from, to: to)
    }

    /// `relative(from:to:)` by a walk over the bytes, for paths without a leading `/` or an
    /// empty part (`a//b`), which are all the URLs the build makes; `nil` for any other.
    private static func relativeOfPlainPaths(from: UnsafeBufferPointer<UInt8>, to: UnsafeBufferPointer<UInt8>)
        -> String?
    {
        let slash = UInt8(ascii: "/")
        guard isPlain(from), isPlain(to) else { return nil }
        // The folder of `from`: all of it when it ends in `/`, else what comes before its last `/`.
        var fromEnd = from.count
        if fromEnd > 0, from[fromEnd - 1] != slash { fromEnd = from.lastIndex(of: slash) ?? 0 }
        let toEndsInSlash = to.last == slash
        let toParts = to.isEmpty ? 0 : to.count { $0 == slash } + (toEndsInSlash ? 0 : 1)
        let limit = toParts - (toEndsInSlash ? 0 : 1)
        var i = 0
        var j = 0
        var common = 0
        while common < limit, i < fromEnd {
            let fromPart = (from[i..<fromEnd].firstIndex(of: slash) ?? fromEnd)
            let toPart = (to[j...].firstIndex(of: slash) ?? to.count)
            guard fromPart - i == toPart - j, from[i..<fromPart].elementsEqual(to[j..<toPart]) else { break }
            common += 1
            i = min(fromPart + 1, fromEnd)
            j = min(toPart + 1, to.count)
        }
        var ups = 0
        while i < fromEnd {
            ups += 1
            i = (from[i..<fromEnd].firstIndex(of: slash) ?? fromEnd) + 1
        }
        if ups == 0 && j == to.count { return "./" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(ups * 3 + to.count - j)
        for _ in 0..<ups { bytes += [UInt8(ascii: "."), UInt8(ascii: "."), slash] }
        bytes += to[j...]
        return String(decoding: bytes, as: UTF8.self)
    }

    /// No leading `/` and no `//`.
    private static func isPlain(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        if path.first == slash { return false }
        var previous: UInt8 = 0
        for byte in path {
            if byte == slash && previous == slash { return false }
            previous = byte
        }
        return true
    }

    /// The same by splitting into parts, for any paths; the byte walk above is checked against it.
    static func relativeOfAnyPaths(from: String, to: String) -> String {
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
