/// A list of page numbers as the index writes it: a string of gaps when the pages are few, a
/// bitmap (a one-string array) when they are many, whichever is shorter.
///
/// Gaps: each page minus the previous, minus one (the first as is), each gap `n` written as
/// `n / 64` in base 27 (leading digits, none when zero) then `n % 64` (one final digit), so
/// neighbouring pages cost one character each. Bitmap: six pages per character, page `6k + b`
/// in bit `b` of the `k`th character's value. Neither uses a character that needs escaping in
/// JSON or in a `<script>`.
enum PostingList {
    /// The first 64 are final digits (and the bitmap's), the other 27 leading digits.
    static let digits = Array(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_!#$%&'()*+,./:;=>?@[]^`{|}~".utf8)
    static let finalBase = 64
    static let leadingBase = 27

    /// The list as JSON: `"gaps"` or `["bitmap"]`; `""` when empty.
    static func json(_ pages: [Int32]) -> String {
        guard let last = pages.last else { return "\"\"" }
        let bitmapLength = Int(last) / 6 + 1
        if bitmapLength + 2 < pages.count { return "[\"" + bitmap(pages) + "\"]" }
        return "\"" + gaps(pages) + "\""
    }

    /// Ascending page numbers as gaps.
    static func gaps(_ pages: [Int32]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pages.count)
        var previous = -1
        for page in pages {
            let gap = Int(page) - previous - 1
            previous = Int(page)
            var leading = gap / finalBase
            let start = bytes.count
            while leading > 0 {
                bytes.insert(digits[finalBase + leading % leadingBase], at: start)
                leading /= leadingBase
            }
            bytes.append(digits[gap % finalBase])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Ascending page numbers as a bitmap.
    static func bitmap(_ pages: [Int32]) -> String {
        guard let last = pages.last else { return "" }
        var values = [UInt8](repeating: 0, count: Int(last) / 6 + 1)
        for page in pages { values[Int(page) / 6] |= 1 << UInt8(Int(page) % 6) }
        return String(decoding: values.map { digits[Int($0)] }, as: UTF8.self)
    }
}
