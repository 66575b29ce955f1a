/// Hands out heading ids in render order: the heading's text as GitHub turns it into an id,
/// `section` when nothing is left of it, and `-1`, `-2`… on repeats, never an id given out before.
///
/// Each text remembers the last number it tried, so n identical headings cost n look-ups,
/// not n²/2: the ids in use only grow, so a number that was taken stays taken.
struct HeadingIDs {
    private var used = Set<String>()
    private var lastNumber: [String: Int] = [:]

    mutating func next(for text: String) -> String {
        var base = Slug.headingID(from: text)
        if base.isEmpty { base = "section" }
        if used.insert(base).inserted { return base }
        var number = lastNumber[base, default: 0]
        var id: String
        repeat {
            number += 1
            id = "\(base)-\(number)"
        } while !used.insert(id).inserted
        lastNumber[base] = number
        return id
    }
}
