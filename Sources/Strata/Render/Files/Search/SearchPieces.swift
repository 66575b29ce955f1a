/// The vocabulary cut into word pieces of about `SearchIndex.pieceBytes`, and the merged lists
/// of every prefix whose keys spread over three pieces or more.
struct SearchPieces {
    /// Per piece: its entries as JSON.
    var pieces: [[String]] = []
    /// Per piece: its first key; `""` for the first piece, which starts the range.
    var firsts: [String] = []
    /// Prefix → its merged entry as JSON, sorted by prefix.
    var merged: [(String, String)] = []

    /// Nil when `stop`, asked every few thousand keys, says to stop.
    init?(_ vocabulary: SearchVocabulary, pieceBytes: Int = SearchIndex.pieceBytes, stop: () -> Bool = { false }) {
        firsts = [""]
        var current: [String] = []
        var bytes = 0
        for index in vocabulary.keys.indices {
            if index % Self.keysBetweenStops == 0 && stop() { return nil }
            let entry = Self.entry(vocabulary, index)
            if bytes >= pieceBytes {
                pieces.append(current)
                firsts.append(vocabulary.keys[index])
                current = []
                bytes = 0
            }
            current.append(entry)
            bytes += entry.utf8.count + 2
        }
        pieces.append(current)
        guard let merged = Self.mergedPrefixes(vocabulary, firsts: firsts.map { Array($0.utf16) }, stop: stop)
        else { return nil }
        self.merged = merged
    }

    static let keysBetweenStops = 4_096

    static func entry(_ vocabulary: SearchVocabulary, _ index: Int) -> String {
        var entry =
            "[" + JSON.quote(vocabulary.keys[index]) + "," + (vocabulary.isWord[index] ? "1" : "0") + ","
            + SearchVocabulary.listsJSON(vocabulary.postings[index])
        if !vocabulary.mates[index].isEmpty {
            entry += ",[" + vocabulary.mates[index].map(JSON.quote).joined(separator: ",") + "]"
        }
        return entry + "]"
    }

    /// The piece holding `key`: the last whose first key is not above it.
    static func piece(of key: [UInt16], firsts: [[UInt16]]) -> Int {
        var low = 0
        var high = firsts.count
        while low < high {
            let middle = (low + high) / 2
            if key.lexicographicallyPrecedes(firsts[middle]) { high = middle } else { low = middle + 1 }
        }
        return max(0, low - 1)
    }

    /// The pieces a prefix's keys may lie in: from the piece of the prefix to the piece of the
    /// prefix followed by U+FFFF (above every key that starts with it).
    static func span(of prefix: [UInt16], firsts: [[UInt16]]) -> ClosedRange<Int> {
        piece(of: prefix, firsts: firsts)...piece(of: prefix + [0xFFFF], firsts: firsts)
    }

    private static func mergedPrefixes(_ vocabulary: SearchVocabulary, firsts: [[UInt16]], stop: () -> Bool)
        -> [(String, String)]?
    {
        var prefixes = Set<String>()
        for first in firsts.dropFirst() {
            let key = String(decoding: first, as: UTF16.self)
            var prefix = ""
            for character in key {
                prefix.append(character)
                if span(of: Array(prefix.utf16), firsts: firsts).count >= 3 { prefixes.insert(prefix) }
            }
        }
        var best = [UInt8](repeating: .max, count: vocabulary.pageCount)
        var touched: [Int32] = []
        var merged: [(String, String)] = []
        for prefix in prefixes.sorted() {
            if stop() { return nil }
            let start = vocabulary.lowerBound(Array(prefix.utf16))
            let end = vocabulary.lowerBound(Array(prefix.utf16) + [0xFFFF])
            var sources = Array(start..<end)
            if start < end && vocabulary.keys[start] == prefix {
                sources += vocabulary.mates[start].map { vocabulary.lowerBound(Array($0.utf16)) }
            }
            for source in sources {
                for posting in vocabulary.postings[source] {
                    let page = Int(posting.page)
                    if best[page] == .max { touched.append(posting.page) }
                    best[page] = min(best[page], posting.field)
                }
            }
            touched.sort()
            let postings = touched.map { SearchVocabulary.Posting(page: $0, field: best[Int($0)]) }
            for page in touched { best[Int(page)] = .max }
            touched.removeAll(keepingCapacity: true)
            merged.append((prefix, "[" + JSON.quote(prefix) + ",1," + SearchVocabulary.listsJSON(postings) + "]"))
        }
        return merged
    }
}
