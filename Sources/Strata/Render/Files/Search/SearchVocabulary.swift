/// Every key of the search index with, per page, where it occurs at best; sorted by UTF-16 code
/// units (the order in which search.js compares strings), and grouped by English stem.
struct SearchVocabulary {
    struct Posting {
        var page: Int32
        var field: UInt8
    }

    var keys: [String] = []
    var utf16: [[UInt16]] = []
    /// Per key: its pages in ascending order, each with its best field.
    var postings: [[Posting]] = []
    /// Per key: whether it is a whole word somewhere (not only the end of one).
    var isWord: [Bool] = []
    /// Per key: the words that share its stem and do not start with it.
    var mates: [[String]] = []
    var pageCount = 0

    /// The vocabulary of the pages in `order`; nil when `stop`, asked every few pages, says to stop.
    init?(_ resolved: ResolvedSite, order: [Int], stop: () -> Bool = { false }) {
        let site = resolved.site
        pageCount = order.count
        var slots: [String: Int] = [:]
        var unsorted: [[Posting]] = []
        var wordFlags: [Bool] = []
        for (rank, index) in order.enumerated() {
            if rank % SiteRenderer.pagesBetweenStops == 0 && stop() { return nil }
            var best: [String: (field: Int, isWord: Bool)] = [:]
            func note(_ key: String, _ field: SearchIndex.Field, isWord: Bool) {
                // One hash lookup: the entry is changed in place.
                func merge(_ entry: inout (field: Int, isWord: Bool)) {
                    entry.field = min(entry.field, field.rawValue)
                    entry.isWord = entry.isWord || isWord
                }
                merge(&best[key, default: (.max, false)])
            }
            func noteWithEnds(_ word: String, _ field: SearchIndex.Field, inside: SearchIndex.Field) {
                note(word, field, isWord: true)
                var rest = Substring(word).dropFirst()
                while !rest.isEmpty {
                    note(String(rest), inside, isWord: false)
                    rest = rest.dropFirst()
                }
            }
            let page = site.pages[index]
            let document = resolved.documents[index]
            let title = SearchWords.words(in: page.title)
            for (position, word) in title.enumerated() {
                let field: SearchIndex.Field =
                    title.count == 1 ? .wholeTitle : position == 0 ? .firstTitleWord : .titleWord
                noteWithEnds(word, field, inside: .insideTitle)
            }
            let filed = page.headings.map(\.text) + SearchIndex.filedUnder(page, in: site)
            for text in filed {
                SearchWords.forEachWord(in: text) { noteWithEnds($0, .filedUnder, inside: .filedUnder) }
            }
            SearchWords.forEachWord(in: page.fields.summary ?? "") { noteWithEnds($0, .summary, inside: .summary) }
            for text in [document.blocks.plainText, document.footnotes.flatMap(\.blocks).plainText] {
                SearchWords.forEachWord(in: text) { note($0, .text, isWord: true) }
            }
            for (key, value) in best {
                let slot: Int
                if let known = slots[key] {
                    slot = known
                } else {
                    slot = unsorted.count
                    slots[key] = slot
                    unsorted.append([])
                    wordFlags.append(false)
                }
                unsorted[slot].append(Posting(page: Int32(rank), field: UInt8(value.field)))
                if value.isWord { wordFlags[slot] = true }
            }
        }
        if stop() { return nil }
        let sorted = slots.map { (key: $0.key, utf16: Array($0.key.utf16), slot: $0.value) }
            .sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
        keys = sorted.map(\.key)
        utf16 = sorted.map(\.utf16)
        postings = sorted.map { unsorted[$0.slot] }
        isWord = sorted.map { wordFlags[$0.slot] }
        if stop() { return nil }
        mates = Self.stemMates(keys: keys, isWord: isWord)
    }

    /// Words group by their Porter2 stem. One addition: a word in -us whose form without the s is
    /// a word of the site in -u is its plural (`gpus`, `menus`), which Porter2 leaves alone so
    /// as not to cut `bus` or `campus`.
    static func stemMates(keys: [String], isWord: [Bool]) -> [[String]] {
        let words = Set(keys.indices.lazy.filter { isWord[$0] }.map { keys[$0] })
        var groups: [String: [Int]] = [:]
        for index in keys.indices where isWord[index] {
            let word = keys[index]
            let singular = String(word.dropLast())
            let base = word.hasSuffix("us") && words.contains(singular) ? singular : word
            groups[EnglishStemmer.stem(base), default: []].append(index)
        }
        var mates = [[String]](repeating: [], count: keys.count)
        for members in groups.values where members.count > 1 {
            for member in members {
                let key = keys[member]
                mates[member] = members.filter { $0 != member && !keys[$0].hasPrefix(key) }.map { keys[$0] }
            }
        }
        return mates
    }

    /// The first key not below `key` (UTF-16 order).
    func lowerBound(_ key: [UInt16]) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if utf16[middle].lexicographicallyPrecedes(key) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The key's lists, one per field, as JSON; trailing empty lists left out.
    static func listsJSON(_ postings: [Posting]) -> String {
        var lists = [[Int32]](repeating: [], count: SearchIndex.Field.allCases.count)
        for posting in postings { lists[Int(posting.field)].append(posting.page) }
        while lists.last?.isEmpty == true { lists.removeLast() }
        return "[" + lists.map(PostingList.json).joined(separator: ",") + "]"
    }
}
