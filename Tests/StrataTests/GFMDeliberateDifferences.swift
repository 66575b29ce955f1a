import Foundation

@testable import Strata

/// The table of deliberate differences from cmark-gfm's HTML in docs/decisions.md: kind → example numbers.
/// The conformance test reads it from there, so the document and the test cannot drift apart.
struct GFMDeliberateDifferences {
    static let heading = "## Deliberate differences from cmark-gfm's HTML"
    static var path: String { Repo.root + "/docs/decisions.md" }

    /// In table order.
    var kinds: [(kind: String, examples: [Int])]

    func kind(of example: Int) -> String? {
        kinds.first { $0.examples.contains(example) }?.kind
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    static func load() throws -> GFMDeliberateDifferences {
        try parse(String(contentsOfFile: path, encoding: .utf8), path: "docs/decisions.md")
    }

    /// Rows `| kind | examples | reason |` under `heading`, the examples written as `12, 30–32`.
    static func parse(_ text: String, path: String) throws(FormatError) -> GFMDeliberateDifferences {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0 == heading }) else {
            throw FormatError(description: "\(path): no section '\(heading)'")
        }
        var kinds: [(kind: String, examples: [Int])] = []
        var seen: [Int: String] = [:]
        let rows = lines[(start + 1)...].drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        for (offset, row) in zip(rows.indices, rows) {
            let cells = row.split(separator: "|", omittingEmptySubsequences: false).dropFirst().map(\.trimmingSpaces)
            guard cells.count >= 3, !cells[0].isEmpty else {
                throw FormatError(description: "\(path):\(offset + 1): a row needs a kind, examples and a reason")
            }
            var examples: [Int] = []
            for item in cells[1].split(separator: ",").map(\.trimmingSpaces) {
                let bounds = item.split(whereSeparator: { $0 == "–" || $0 == "-" }).compactMap { Int($0) }
                guard (1...2).contains(bounds.count), bounds.first! <= bounds.last! else {
                    throw FormatError(description: "\(path):\(offset + 1): '\(item)' is not an example number or range")
                }
                examples += Array(bounds.first!...bounds.last!)
            }
            for example in examples {
                if let other = seen[example] {
                    throw FormatError(
                        description: "\(path):\(offset + 1): example \(example) is listed under '\(other)' too")
                }
                seen[example] = cells[0]
            }
            kinds.append((cells[0], examples))
        }
        guard !kinds.isEmpty else { throw FormatError(description: "\(path): the table under '\(heading)' is empty") }
        return GFMDeliberateDifferences(kinds: kinds)
    }
}
