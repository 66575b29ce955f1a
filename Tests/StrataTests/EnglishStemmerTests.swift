import Foundation
import Testing

@testable import Strata

/// The Porter2 stemmer against the examples on snowballstem.org's English page, its special
/// cases, one word per rule, and every word of the repository's own prose.
@Suite struct EnglishStemmerTests {
    /// The sample vocabulary shown on https://snowballstem.org/algorithms/english/stemmer.html.
    static let published: [(String, String)] = [
        ("consign", "consign"), ("consigned", "consign"), ("consigning", "consign"), ("consignment", "consign"),
        ("consist", "consist"), ("consisted", "consist"), ("consistency", "consist"), ("consistent", "consist"),
        ("consistently", "consist"), ("consisting", "consist"), ("consists", "consist"), ("consolation", "consol"),
        ("consolations", "consol"), ("consolatory", "consolatori"), ("console", "consol"), ("consoled", "consol"),
        ("consoles", "consol"), ("consolidate", "consolid"), ("consolidated", "consolid"),
        ("consolidating", "consolid"), ("consoling", "consol"), ("consolingly", "consol"), ("consols", "consol"),
        ("consonant", "conson"), ("consort", "consort"), ("consorted", "consort"), ("consorting", "consort"),
        ("conspicuous", "conspicu"), ("conspicuously", "conspicu"), ("conspiracy", "conspiraci"),
        ("conspirator", "conspir"), ("conspirators", "conspir"), ("conspire", "conspir"), ("conspired", "conspir"),
        ("conspiring", "conspir"), ("constable", "constabl"), ("constables", "constabl"), ("constance", "constanc"),
        ("constancy", "constanc"), ("constant", "constant"), ("knack", "knack"), ("knackeries", "knackeri"),
        ("knacks", "knack"), ("knag", "knag"), ("knave", "knave"), ("knaves", "knave"), ("knavish", "knavish"),
        ("kneaded", "knead"), ("kneading", "knead"), ("knee", "knee"), ("kneel", "kneel"), ("kneeled", "kneel"),
        ("kneeling", "kneel"), ("kneels", "kneel"), ("knees", "knee"), ("knell", "knell"), ("knelt", "knelt"),
        ("knew", "knew"), ("knick", "knick"), ("knif", "knif"), ("knife", "knife"), ("knight", "knight"),
        ("knightly", "knight"), ("knights", "knight"), ("knit", "knit"), ("knits", "knit"), ("knitted", "knit"),
        ("knitting", "knit"), ("knives", "knive"), ("knob", "knob"), ("knobs", "knob"), ("knock", "knock"),
        ("knocked", "knock"), ("knocker", "knocker"), ("knockers", "knocker"), ("knocking", "knock"),
        ("knocks", "knock"), ("knopp", "knopp"), ("knot", "knot"), ("knots", "knot"),
    ]

    @Test(arguments: published) func publishedExamples(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// The exceptions, the prefixes with an R1 of their own, and each step's rules.
    static let rules: [(String, String)] = [
        ("skis", "ski"), ("skies", "sky"), ("dying", "die"), ("lying", "lie"), ("tying", "tie"), ("idly", "idl"),
        ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"), ("only", "onli"), ("singly", "singl"),
        ("sky", "sky"), ("news", "news"), ("howe", "howe"), ("atlas", "atlas"), ("cosmos", "cosmos"),
        ("bias", "bias"), ("andes", "andes"), ("inning", "inning"), ("outing", "outing"), ("canning", "canning"),
        ("herring", "herring"), ("earring", "earring"), ("proceed", "proceed"), ("exceed", "exceed"),
        ("succeed", "succeed"), ("generously", "generous"), ("communication", "communic"), ("arsenal", "arsenal"),
        ("caresses", "caress"), ("ponies", "poni"), ("ties", "tie"), ("cries", "cri"), ("gas", "gas"),
        ("this", "this"), ("gaps", "gap"), ("kiwis", "kiwi"), ("bus", "bus"), ("campus", "campus"),
        ("gpus", "gpus"), ("training", "train"), ("trained", "train"), ("hoped", "hope"), ("hopping", "hop"),
        ("filing", "file"), ("controlling", "control"), ("relational", "relat"), ("conditional", "condit"),
        ("rational", "ration"), ("valenci", "valenc"), ("hesitanci", "hesit"), ("digitizer", "digit"),
        ("conformabli", "conform"), ("radicalli", "radic"), ("differentli", "differ"), ("vileli", "vile"),
        ("analogously", "analog"), ("vietnamization", "vietnam"), ("predication", "predic"), ("operator", "oper"),
        ("feudalism", "feudal"), ("decisiveness", "decis"), ("hopefulness", "hope"), ("callousness", "callous"),
        ("formality", "formal"), ("sensitivity", "sensit"), ("sensibility", "sensibl"), ("triplicate", "triplic"),
        ("formative", "format"), ("formalize", "formal"), ("electricity", "electr"), ("electrical", "electr"),
        ("goodness", "good"), ("revival", "reviv"), ("allowance", "allow"), ("inference", "infer"),
        ("airliner", "airlin"), ("gyroscopic", "gyroscop"), ("adjustable", "adjust"), ("defensible", "defens"),
        ("irritant", "irrit"), ("replacement", "replac"), ("adjustment", "adjust"), ("dependent", "depend"),
        ("adoption", "adopt"), ("homologous", "homolog"), ("activate", "activ"), ("angularity", "angular"),
        ("effective", "effect"), ("bowdlerize", "bowdler"), ("probate", "probat"), ("rate", "rate"),
        ("cease", "ceas"), ("controll", "control"), ("roll", "roll"), ("yes", "yes"), ("yellow", "yellow"),
        ("saying", "say"), ("sayings", "say"), ("eying", "eye"), ("cry", "cri"), ("by", "by"),
    ]

    @Test(arguments: rules) func rulesAndExceptions(word: String, stem: String) {
        #expect(EnglishStemmer.stem(word) == stem)
    }

    /// `Tests/Fixtures/porter2/words.txt`: every word of the repository's content, docs and
    /// README with its stem from the Snowball project's reference implementation (PyPI
    /// snowballstemmer 2.2.0, `stemmer("english")`).
    @Test func everyWordOfTheRepositorysProse() throws {
        let text = try String(contentsOfFile: Repo.fixtures + "/porter2/words.txt", encoding: .utf8)
        let pairs = text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(pairs.count > 2000)
        let wrong = pairs.filter { EnglishStemmer.stem($0[0]) != $0[1] }.map { "\($0[0]): \(EnglishStemmer.stem($0[0])), not \($0[1])" }
        #expect(wrong == [])
    }

    @Test func otherWordsAreTheirOwnStem() {
        for word in ["zürich", "641276", "gpu4", "ab", "école"] { #expect(EnglishStemmer.stem(word) == word) }
    }
}
