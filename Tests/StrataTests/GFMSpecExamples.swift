import Foundation

/// One example of cmark-gfm's `spec.txt` or `extensions.txt`: Markdown and the HTML cmark-gfm makes of it.
struct GFMExample: Sendable {
    /// 1–673 in `spec.txt`, the spec's own numbering; `extensions.txt` continues from there.
    var number: Int
    /// `spec.txt` or `extensions.txt`.
    var file: String
    /// The line of the example's opening fence.
    var line: Int
    var markdown: String
    var html: String

    /// cmark-gfm's test runner accepts any output for an example whose HTML is `<IGNORE>`: it only
    /// has to render (it once crashed the autolink extension).
    var outputIgnored: Bool { html == "<IGNORE>\n" }
}

/// Reads the examples from the folder holding cmark-gfm's `spec.txt` and `extensions.txt`
/// (`../shared/gfm-spec/` beside the package root, or the folder `STRATA_GFM_SPEC` names).
enum GFMSpec {
    static let files = ["spec.txt", "extensions.txt"]

    static var named: String? {
        ProcessInfo.processInfo.environment["STRATA_GFM_SPEC"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static var folder: String {
        named ?? ((Repo.root as NSString).deletingLastPathComponent as NSString).appendingPathComponent("shared/gfm-spec")
    }

    /// Whether the test runs: the examples are there, or a folder was named (then it must hold them).
    static var isAvailable: Bool {
        named != nil || files.allSatisfy { FileManager.default.fileExists(atPath: folder + "/" + $0) }
    }

    static var absence: String {
        "cmark-gfm's spec examples are not at \(folder): the conformance test is skipped; "
            + "set STRATA_GFM_SPEC to the folder that holds spec.txt and extensions.txt"
    }

    enum LoadError: Error, CustomStringConvertible {
        case missing(String)
        case malformed(String)

        var description: String {
            switch self {
            case .missing(let path):
                "cmark-gfm's spec examples are not at \(path): put spec.txt and extensions.txt from cmark-gfm's test/ "
                    + "folder there, or set STRATA_GFM_SPEC to the folder that holds them"
            case .malformed(let message): message
            }
        }
    }

    static func load(from folder: String = folder) throws(LoadError) -> [GFMExample] {
        var examples: [GFMExample] = []
        for file in files {
            let path = (folder as NSString).appendingPathComponent(file)
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .missing(path) }
            examples += try parse(text, file: file, firstNumber: examples.count + 1)
        }
        return examples
    }

    static let fence = String(repeating: "`", count: 32)

    /// The examples of one file: an opening fence (`fence` + ` example` and any extension names),
    /// the Markdown, a line `.`, the HTML, a closing fence. `→` stands for a tab.
    static func parse(_ text: String, file: String, firstNumber: Int) throws(LoadError) -> [GFMExample] {
        var examples: [GFMExample] = []
        var current: (line: Int, markdown: [String], html: [String]?)?
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix(fence + " example") {
                guard current == nil else { throw .malformed("\(file):\(offset + 1): an example opens inside another") }
                current = (offset + 1, [], nil)
            } else if var example = current {
                if line == fence {
                    guard let html = example.html else {
                        throw .malformed("\(file):\(example.line): the example has no line '.' before its HTML")
                    }
                    examples.append(
                        GFMExample(
                            number: firstNumber + examples.count, file: file, line: example.line,
                            markdown: joined(example.markdown), html: joined(html)))
                    current = nil
                } else if line == ".", example.html == nil {
                    example.html = []
                    current = example
                } else {
                    if example.html == nil {
                        example.markdown.append(String(line))
                    } else {
                        example.html?.append(String(line))
                    }
                    current = example
                }
            }
        }
        if let current { throw .malformed("\(file):\(current.line): the example is not closed") }
        return examples
    }

    private static func joined(_ lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
    }
}
