/// `status` and `token` as a plain value or as `{value, as_of, source}` (SPEC §2).
extension PageFieldsDecoder {
    /// Reads `key` either as the value itself or as a map of `value`, `as_of` and `source`.
    /// `read` turns the value's node into a value, reporting its own errors.
    mutating func dated<Value: Sendable & Equatable>(
        _ key: String, in map: FieldDecoder.Map, _ read: (inout FieldDecoder, YAMLNode) -> Value?
    ) -> Dated<Value>? {
        guard let entry = map.entries.first(where: { $0.key.value == key }) else { return nil }
        let node = entry.value
        guard case .mapping = node.value else {
            return read(&decoder, node).map { Dated(value: $0, location: entry.key.location) }
        }
        guard let fields = decoder.map(node, "'\(key)'") else { return nil }
        decoder.checkKeys(
            fields, allowed: ["value", "as_of", "source"], required: ["value"], in: "'\(key)'",
            missingAt: node.location)
        guard let valueNode = fields["value"], let value = read(&decoder, valueNode) else { return nil }
        return Dated(
            value: value, asOf: decoder.day(fields["as_of"], "as_of")?.value,
            source: decoder.slugOrID(fields["source"], "source"), location: entry.key.location)
    }
}

extension ProjectFields.Token {
    /// A ticker, or `null` for a project without a token.
    static func read(_ decoder: inout FieldDecoder, _ node: YAMLNode) -> Self? {
        node.isNull ? .noToken : decoder.string(node, "token").map { .ticker($0) }
    }
}
