/// Link schemes a page may not link to: `javascript:` and `vbscript:` run code, `file:` opens
/// the reader's own disk, and `data:` can carry a whole page of script. An image may come from
/// a `data:image/…` URL, which a browser only draws.
///
/// The scheme is read the way a browser reads it (WHATWG URL): spaces and control characters
/// at the start are dropped, tabs and line breaks anywhere, and case does not matter, so
/// ` JaVa&#9;Script:` is still `javascript:`.
enum RefusedScheme {
    static let names: Set<String> = ["javascript", "vbscript", "file", "data"]

    /// The refused scheme of `destination` (lowercase), or `nil` when the link may stay.
    static func of(_ destination: String, isImage: Bool) -> String? {
        switch plainScheme(destination) {
        case .none: return nil
        case .some(nil): break
        case .some(let scheme?) where !names.contains(scheme): return nil
        case .some: break
        }
        var scalars = destination.unicodeScalars.drop { $0.value <= 0x20 }.filter {
            $0 != "\t" && $0 != "\n" && $0 != "\r"
        }
        guard let colon = scalars.firstIndex(of: ":") else { return nil }
        let scheme = String(String.UnicodeScalarView(scalars[..<colon])).lowercased()
        guard names.contains(scheme) else { return nil }
        scalars.removeSubrange(..<scalars.index(after: colon))
        let rest = String(String.UnicodeScalarView(scalars)).lowercased()
        if isImage && scheme == "data" && rest.hasPrefix("image/") { return nil }
        return scheme
    }

    /// The fast answer for the links pages are made of: `.none` when there is no `:` at all (no
    /// scheme), the lowercased scheme when what comes before the first `:` is plain ASCII letters,
    /// digits, `+`, `.` or `-` (what a browser would read the same), `.some(nil)` to read it
    /// the long way.
    private static func plainScheme(_ destination: String) -> String?? {
        let bytes = destination.utf8
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return .none }
        let scheme = bytes[..<colon]
        guard let first = scheme.first, first > 0x20,
            scheme.allSatisfy({ byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            })
        else { return .some(nil) }
        return .some(String(decoding: scheme.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self))
    }

    static func message(_ scheme: String, isImage: Bool) -> String {
        let what = isImage ? "an image from a '\(scheme):' URL" : "a link to a '\(scheme):' URL"
        let why =
            switch scheme {
            case "file": "it would open a file on the reader's own computer"
            case "data": isImage ? "only 'data:image/…' is drawn as an image" : "it can carry a page of script"
            default: "it would run a script"
            }
        let kept = isImage ? "its description" : "its text"
        return "\(what) is left out of the page (\(kept) is kept): \(why); use an https: address instead"
    }
}
