/// "Did you mean": the nearest of some names within two edits.
public enum Spelling {
    public static func closest(to name: String, in candidates: [String]) -> String? {
        FieldDecoder.closest(to: name, in: candidates)
    }
}
