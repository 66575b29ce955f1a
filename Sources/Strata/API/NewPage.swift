import Foundation

/// `strata new project|note SLUG`: a new file with every field, ready to fill in.
public enum NewPage {
    public enum Kind: String, Sendable, CaseIterable {
        case project, note
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// Writes `content/projects/SLUG.md` or `content/notes/SLUG.md` under `root` and returns its path
    /// relative to the root. Refuses a bad slug or an existing file.
    public static func create(_ kind: Kind, slug: String, title: String?, root: String) throws(Failure) -> String {
        guard Slug.isValid(slug) else {
            throw Failure(description: "'\(slug)' is not a slug: use lowercase letters, digits and single hyphens")
        }
        let folder = kind == .project ? "projects" : "notes"
        let relative = "content/\(folder)/\(slug).md"
        let path = (root as NSString).appendingPathComponent(relative)
        guard !FileManager.default.fileExists(atPath: path) else {
            throw Failure(description: "\(relative) already exists")
        }
        let config = try? String(
            contentsOfFile: (root as NSString).appendingPathComponent(SiteConfig.path), encoding: .utf8)
        let rubric = SiteConfig.decode(config).0?.rubric ?? []
        let text = template(kind, slug: slug, title: title ?? slug, rubric: rubric, today: BuildOptions(root: root).day)
        do {
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw Failure(description: "cannot write \(relative): \(error.localizedDescription)")
        }
        return relative
    }

    private static let sourcesLine = "sources: []"
    /// A new page is a draft, as Hugo's archetypes make them: left out of the site until it is written.
    private static let draftLine = "draft: true  # remove this line when the page is ready to publish"
    private static let reviewedLine = "# reviewed: YYYY-MM-DD  # the day you checked it against its sources"

    /// The body of a new page; `--strict` objects to it in a page that is not a draft.
    static let placeholder = "What it is, in your own words, with a citation for every fact."

    /// The 1-based line of the body that still holds the placeholder, if one does.
    static func placeholderLine(in body: String) -> Int? {
        guard let offset = ByteSearch.firstOffset(of: placeholder, in: body) else { return nil }
        return 1 + body.utf8.prefix(offset).count { $0 == UInt8(ascii: "\n") }
    }
    private static let sourceExample =
        "# - {id: source-1, title: \"\", url: \"https://…\", publisher: \"\", published: YYYY-MM-DD, accessed: YYYY-MM-DD}"

    static func template(_ kind: Kind, slug: String, title: String, rubric: [SiteConfig.RubricQuestion], today: Day)
        -> String
    {
        let quotedTitle = "\"" + title.replacingOccurrences(of: "\"", with: "\\\"") + "\""
        var lines = ["---", "title: \(quotedTitle)", "summary: \"\"  # one or two sentences"]
        if kind == .project { lines.append(draftLine) }
        switch kind {
        case .note:
            lines += [
                "date: \(today)", draftLine, "tags: []", "layers: []", sourcesLine, sourceExample, reviewedLine,
            ]
        case .project:
            lines += [
                "layers: []  # required: slugs of content/stack/",
                "direction: crypto-for-ai  # or ai-for-crypto, or both",
                "# sector: depin",
                "# status: {value: live, as_of: YYYY-MM-DD, source: source-id}  # announced, testnet, live, deprecated, defunct",
                "# token: {value: null, as_of: YYYY-MM-DD, source: source-id}  # a ticker, or null for no token; leave out when not known",
                "# chains: []",
                "# launched: 2024", "links: {}", "relations: []  # - {type: uses, target: other-project, note: \"\"}",
                "metrics: []  # - {name: \"\", value: \"\", as_of: YYYY-MM-DD, source: source-id}", "assessment:",
            ]
            for question in rubric {
                lines.append("  \(question.key): {answer: unknown, note: \"\", sources: []}  # \(question.question) (yes, partly, no, unknown, n/a)")
            }
            lines += [
                "  verdict: mixed  # signal, mixed or noise", sourcesLine, sourceExample, reviewedLine, "tags: []",
            ]
        }
        lines += ["---", "", placeholder, ""]
        return lines.joined(separator: "\n")
    }
}
