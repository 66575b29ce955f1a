/// Reads a view's shape by "decoding" it from nothing: every field the view's `Decodable`
/// conformance asks for is recorded with its type, every list asked for one element.
final class SchemaDecoder: Decoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var schema: TemplateSchema = .unknown

    func record(_ name: String, _ schema: TemplateSchema, optional: Bool) {
        var object = self.schema.object ?? TemplateObjectSchema()
        object.add(name, schema, optional: optional)
        self.schema = .object(object)
    }

    func name<T>(as type: T.Type) {
        guard case .object(var object) = schema, let view = type as? any TemplateView.Type else { return }
        object.noun = view.templateNoun
        schema = .object(object)
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> (T, TemplateSchema) {
        let child = SchemaDecoder()
        let value = try T(from: child)
        child.name(as: type)
        return (value, child.schema)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        if schema.object == nil { schema = .object(TemplateObjectSchema()) }
        return KeyedDecodingContainer(KeyedSchemaContainer<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { UnkeyedSchemaContainer(decoder: self) }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleSchemaContainer(decoder: self) }
}

private struct KeyedSchemaContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: SchemaDecoder
    var codingPath: [any CodingKey] { [] }
    var allKeys: [Key] { [] }

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    private func scalar<T>(_ value: T, _ schema: TemplateSchema, _ key: Key, optional: Bool = false) -> T {
        decoder.record(key.stringValue, schema, optional: optional)
        return value
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { scalar(false, .bool, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { scalar("", .text, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { scalar(0, .number, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { scalar(0, .number, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { scalar(0, .number, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { scalar(0, .number, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { scalar(0, .number, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { scalar(0, .number, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { scalar(0, .number, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { scalar(0, .number, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { scalar(0, .number, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { scalar(0, .number, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { scalar(0, .number, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { scalar(0, .number, key) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (value, schema) = try decoder.decode(type)
        return scalar(value, schema, key)
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
        scalar(false, .bool, key, optional: true)
    }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
        scalar("", .text, key, optional: true)
    }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { scalar(0, .number, key, optional: true) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? {
        scalar(0, .number, key, optional: true)
    }
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        let (value, schema) = try decoder.decode(type)
        return scalar(value, schema, key, optional: true)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        try SchemaDecoder().container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try SchemaDecoder().unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { SchemaDecoder() }
    func superDecoder(forKey key: Key) throws -> any Decoder { SchemaDecoder() }
}

/// A list of one element, whose shape becomes the list's.
private struct UnkeyedSchemaContainer: UnkeyedDecodingContainer {
    let decoder: SchemaDecoder
    var codingPath: [any CodingKey] { [] }
    var count: Int? { 1 }
    var currentIndex = 0
    var isAtEnd: Bool { currentIndex > 0 }

    mutating func decodeNil() throws -> Bool { false }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        currentIndex += 1
        let (value, schema) = try decoder.decode(type)
        decoder.schema = .list(schema)
        return value
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        currentIndex += 1
        return try SchemaDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        currentIndex += 1
        return try SchemaDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder { SchemaDecoder() }
}

private struct SingleSchemaContainer: SingleValueDecodingContainer {
    let decoder: SchemaDecoder
    var codingPath: [any CodingKey] { [] }

    func decodeNil() -> Bool { false }

    private func scalar<T>(_ value: T, _ schema: TemplateSchema) -> T {
        decoder.schema = schema
        return value
    }

    func decode(_ type: Bool.Type) throws -> Bool { scalar(false, .bool) }
    func decode(_ type: String.Type) throws -> String { scalar("", .text) }
    func decode(_ type: Double.Type) throws -> Double { scalar(0, .number) }
    func decode(_ type: Float.Type) throws -> Float { scalar(0, .number) }
    func decode(_ type: Int.Type) throws -> Int { scalar(0, .number) }
    func decode(_ type: Int8.Type) throws -> Int8 { scalar(0, .number) }
    func decode(_ type: Int16.Type) throws -> Int16 { scalar(0, .number) }
    func decode(_ type: Int32.Type) throws -> Int32 { scalar(0, .number) }
    func decode(_ type: Int64.Type) throws -> Int64 { scalar(0, .number) }
    func decode(_ type: UInt.Type) throws -> UInt { scalar(0, .number) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { scalar(0, .number) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { scalar(0, .number) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { scalar(0, .number) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { scalar(0, .number) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (value, schema) = try decoder.decode(type)
        decoder.schema = schema
        return value
    }
}
