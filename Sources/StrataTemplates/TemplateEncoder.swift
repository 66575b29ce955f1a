/// Turns a view (any `Encodable` struct) into the value a template renders from. This is the one
/// place a view becomes a template value: an optional that is nil becomes `false`, so a name
/// inside a list entry never picks up the value of the page around it.
public enum TemplateEncoder {
    public static func encode(_ view: some Encodable) throws -> TemplateValue {
        let encoder = ValueEncoder()
        try view.encode(to: encoder)
        return encoder.result
    }
}

/// Builds one value; keyed containers build an object, unkeyed ones a list.
final class ValueEncoder: Encoder {
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: TemplateValue = .null
    var object: TemplateObject?
    var list: [TemplateValue]?
    /// Containers asked for with `nestedContainer`, filled in after their parent.
    private var nested: [(name: String?, encoder: ValueEncoder)] = []

    var result: TemplateValue {
        if var object {
            for child in nested { if let name = child.name { object[name] = child.encoder.result } }
            return .object(object)
        }
        if var list {
            list += nested.filter { $0.name == nil }.map(\.encoder.result)
            return .list(list)
        }
        return value
    }

    func child(named name: String?) -> ValueEncoder {
        let child = ValueEncoder()
        nested.append((name, child))
        return child
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if object == nil { object = TemplateObject() }
        return KeyedEncodingContainer(KeyedValueContainer<Key>(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if list == nil { list = [] }
        return UnkeyedValueContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleValueContainer(encoder: self) }

    static func value(of value: some Encodable) throws -> TemplateValue {
        let encoder = ValueEncoder()
        try value.encode(to: encoder)
        return encoder.result
    }
}

private struct KeyedValueContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { [] }

    private func put(_ value: TemplateValue, _ key: Key) { encoder.object?.append(key.stringValue, value) }

    mutating func encodeNil(forKey key: Key) throws { put(.bool(false), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { put(.text(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { put(.double(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.int(Int(value)), key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        put(try ValueEncoder.value(of: value), key)
    }

    // Absent optionals are `false`.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
        put(value.map { .bool($0) } ?? .bool(false), key)
    }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
        put(value.map { .text($0) } ?? .bool(false), key)
    }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
        put(value.map { .int($0) } ?? .bool(false), key)
    }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws {
        put(value.map { .double($0) } ?? .bool(false), key)
    }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        put(try value.map { try ValueEncoder.value(of: $0) } ?? .bool(false), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        encoder.child(named: key.stringValue).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        encoder.child(named: key.stringValue).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.child(named: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { encoder.child(named: key.stringValue) }
}

private struct UnkeyedValueContainer: UnkeyedEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { encoder.list?.count ?? 0 }

    private func put(_ value: TemplateValue) { encoder.list?.append(value) }

    mutating func encodeNil() throws { put(.bool(false)) }
    mutating func encode(_ value: Bool) throws { put(.bool(value)) }
    mutating func encode(_ value: String) throws { put(.text(value)) }
    mutating func encode(_ value: Double) throws { put(.double(value)) }
    mutating func encode(_ value: Int) throws { put(.int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { put(try ValueEncoder.value(of: value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        encoder.child(named: nil).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        encoder.child(named: nil).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { encoder.child(named: nil) }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let encoder: ValueEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.value = .bool(false) }
    mutating func encode(_ value: Bool) throws { encoder.value = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.value = .text(value) }
    mutating func encode(_ value: Double) throws { encoder.value = .double(value) }
    mutating func encode(_ value: Float) throws { encoder.value = .double(Double(value)) }
    mutating func encode(_ value: Int) throws { encoder.value = .int(value) }
    mutating func encode(_ value: Int8) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: Int16) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: Int32) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: Int64) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: UInt) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.value = .int(Int(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.value = .int(Int(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try ValueEncoder.value(of: value) }
}
