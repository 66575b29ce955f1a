/// The front matter every page may carry (SPEC §2), decoded and located.
struct PageFields: Sendable {
    var title: String
    var summary: String?
    var date: Day?
    var updated: Day?
    var tags: [Located<String>] = []
    var draft = false
    var aliases: [Located<String>] = []
    /// Layers a profile or a note belongs to.
    var layers: [Located<String>] = []
    var sources: [Source] = []
    var reviewed: Located<Day>?
    /// Position of a stack layer.
    var order: Int?
    var project: ProjectFields?
}

/// A work a page cites as `[@id]`.
struct Source: Sendable, Equatable {
    var id: Located<String>
    var title: String
    var url: String?
    var author: String?
    var publisher: String?
    var published: String?
    var accessed: Day?
    /// Where the source's entry starts, where a missing `accessed` date is reported.
    var location: SourceLocation
}

/// What only a project profile carries.
struct ProjectFields: Sendable {
    enum Direction: String, Sendable, CaseIterable {
        case cryptoForAI = "crypto-for-ai"
        case aiForCrypto = "ai-for-crypto"
        case both
    }

    enum Status: String, Sendable, CaseIterable {
        case announced, testnet, live, deprecated, defunct
    }

    /// Absent means not known; `.noToken` means the project has no token (yet).
    enum Token: Sendable, Equatable {
        case ticker(String)
        case noToken
    }

    var direction: Direction?
    var sector: Located<String>?
    var status: Dated<Status>?
    var token: Dated<Token>?
    var chains: [Located<String>] = []
    var launched: String?
    var links: [(kind: String, url: String)] = []
    var relations: [Relation] = []
    var metrics: [Metric] = []
    var assessment: Assessment?

    static let linkKinds = ["website", "docs", "repo", "whitepaper", "x", "explorer"]
}

/// A fact that changes over time (a status, a token): its value, the day it was true and the
/// source that says so, where the profile gives them. `location` is the key's, where a missing
/// date is reported.
struct Dated<Value: Sendable & Equatable>: Sendable, Equatable {
    var value: Value
    var asOf: Day?
    var source: Located<String>?
    var location: SourceLocation
}

struct Relation: Sendable {
    var type: Located<String>
    var target: Located<String>
    var note: String?
}

struct Metric: Sendable {
    var name: String
    var value: String
    var asOf: Day
    var source: Located<String>
}

struct Assessment: Sendable {
    enum Answer: String, Sendable, CaseIterable {
        case yes, partly, no, unknown
        /// The question does not apply to the project; the answer's note says why.
        case notApplicable = "n/a"
    }

    enum Verdict: String, Sendable, CaseIterable {
        case signal, mixed, noise
    }

    struct Item: Sendable {
        var key: Located<String>
        var answer: Answer
        var note: String?
        var sources: [Located<String>]
    }

    var items: [Item]
    var verdict: Verdict?
    var location: SourceLocation
    /// Questions (and `verdict`) given an answer that is not one of the choices: already an
    /// error, so not also reported as unanswered.
    var invalid: Set<String> = []

    func item(_ key: String) -> Item? { items.first { $0.key.value == key } }
}
