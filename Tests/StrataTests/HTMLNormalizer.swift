/// Puts HTML in a canonical form before two renderings are compared, after cmark's
/// `test/normalize.py`: what it changes is what a browser does not show.
///
/// - Outside `<pre>`, every run of white space in text becomes one space, and white space next to
///   a block tag (`p`, `li`, `table`, `h1`…, the list in `blockTags`) is dropped.
/// - Tag and attribute names are lowercased, attributes sorted by name, values written in double
///   quotes with `&`, `<`, `>` and `"` escaped; an attribute without a value equals one with `=""`.
/// - `<br />` is `<br>`: the slash of a self-closing tag is dropped.
/// - `&#39;`, `&#x27;` and every other numeric reference in text or an attribute value is the
///   character it stands for (`<`, `>`, `&` and `"` stay escaped), and so are `&amp;`, `&lt;`,
///   `&gt;` and `&quot;`; other named references are compared as written.
/// - The `id` of a heading is left out: heading ids are Strata's own (SPEC §4). So is the heading's
///   anchor link, `<a class="anchor" href="#ID">…</a>` pointing at the heading's own id.
///
/// Comments, `<!DOCTYPE …>`, `<?…?>` and CDATA sections are kept as written; a `<` that does not
/// open a well-formed tag is text.
enum HTMLNormalizer {
    static func normalize(_ html: String) -> String {
        var state = State()
        var scanner = Scanner(Array(html.utf8))
        while let token = scanner.next() { state.handle(token) }
        return state.output
    }

    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button",
        "object", "canvas", "ol", "output", "colgroup", "p", "pre", "dd", "progress", "div", "section", "dl",
        "table", "td", "dt", "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure",
        "thead", "footer", "tr", "form", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]

    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    /// The state of normalize.py's `MyHTMLParser`: what came last, and whether inside `<pre>`.
    private struct State {
        enum Last { case startTag, endTag, text, other }
        var output = ""
        var last = Last.startTag
        var lastTag = ""
        var inPre = false
        /// The id of the heading being read, and whether its anchor link is being skipped.
        var headingID: String?
        var inAnchor = false

        mutating func handle(_ token: Token) {
            if inAnchor {
                if case .endTag("a") = token { inAnchor = false }
                return
            }
            if case .startTag("a", let attributes, false) = token, let id = headingID,
                attributes.contains(where: { $0 == ("class", "anchor") }),
                attributes.contains(where: { $0 == ("href", "#" + id) })
            {
                inAnchor = true
                return
            }
            switch token {
            case .text(let text): handleText(text)
            case .reference(let decoded, let raw):
                output += decoded.map(escapedCharacter) ?? raw
                last = .other
            case .startTag(let name, let attributes, let selfClosing):
                if name == "pre" { inPre = true }
                if HTMLNormalizer.headingTags.contains(name) { headingID = attributes.first { $0.0 == "id" }?.1 }
                if HTMLNormalizer.blockTags.contains(name) { trimOutputEnd() }
                output += "<" + name
                let kept = attributes.filter { !(HTMLNormalizer.headingTags.contains(name) && $0.0 == "id") }
                for (key, value) in kept.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) {
                    output += " \(key)=\"\(escapedAttribute(value))\""
                }
                output += ">"
                lastTag = name
                last = selfClosing ? .endTag : .startTag
            case .endTag(let name):
                if HTMLNormalizer.headingTags.contains(name) { headingID = nil }
                if name == "pre" {
                    inPre = false
                } else if HTMLNormalizer.blockTags.contains(name) {
                    trimOutputEnd()
                }
                output += "</\(name)>"
                lastTag = name
                last = .endTag
            case .verbatim(let text):
                output += text
                last = .other
            }
        }

        private mutating func handleText(_ text: String) {
            var data = Substring(text)
            let afterTag = last == .startTag || last == .endTag
            let afterBlockTag = afterTag && HTMLNormalizer.blockTags.contains(lastTag)
            if afterTag && lastTag == "br" {
                while data.first == "\n" { data.removeFirst() }
            }
            var result = inPre ? String(data) : collapsingWhiteSpace(data)
            if afterBlockTag && !inPre {
                result = last == .startTag ? String(result.drop(while: isWhiteSpace)) : trimmed(result)
            }
            output += result
            last = .text
        }

        private mutating func trimOutputEnd() {
            while let character = output.last, isWhiteSpace(character) { output.removeLast() }
        }

        private func escapedCharacter(_ character: String) -> String {
            switch character {
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "\"": "&quot;"
            default: character
            }
        }

        private func escapedAttribute(_ value: String) -> String {
            value.map { escapedCharacter(String($0)) }.joined()
        }
    }

    fileprivate static func isWhiteSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\n" || character == "\r" || character == "\u{0B}"
            || character == "\u{0C}" || character == "\r\n"
    }
}

private func collapsingWhiteSpace(_ text: Substring) -> String {
    var result = ""
    var inSpace = false
    for character in text {
        if HTMLNormalizer.isWhiteSpace(character) {
            if !inSpace { result += " " }
            inSpace = true
        } else {
            result.append(character)
            inSpace = false
        }
    }
    return result
}

private func trimmed(_ text: String) -> String {
    String(text.drop(while: HTMLNormalizer.isWhiteSpace).reversed().drop(while: HTMLNormalizer.isWhiteSpace).reversed())
}
