/// A view that builds its template value itself, without the `Encodable` machinery (containers,
/// boxes and a dynamic cast per value, most of what encoding a view costs). It builds exactly
/// what its `Codable` conformance encodes, names in the same order: the theme is checked against
/// the schema read from that conformance, and the tests compare the two values.
public protocol TemplateValueBuilding {
    func buildValue() -> TemplateValue
}

/// An object being built by a view, name by name. Beside `TemplateEncoder`, the one place where
/// an absent optional becomes `false`.
public struct TemplateFields {
    public private(set) var object = TemplateObject()

    public init() {}

    public var value: TemplateValue { .object(object) }

    public mutating func add(_ name: String, _ value: String) { object.append(name, .text(value)) }
    public mutating func add(_ name: String, _ value: Bool) { object.append(name, .bool(value)) }
    public mutating func add(_ name: String, _ value: Int) { object.append(name, .int(value)) }
    public mutating func add(_ name: String, _ value: some TemplateValueBuilding) {
        object.append(name, value.buildValue())
    }
    public mutating func add(_ name: String, _ values: [some TemplateValueBuilding]) {
        object.append(name, .list(values.map { $0.buildValue() }))
    }
    public mutating func add(_ name: String, _ value: String?) { object.append(name, value.map { .text($0) } ?? false) }
    public mutating func add(_ name: String, _ value: Int?) { object.append(name, value.map { .int($0) } ?? false) }
    public mutating func add(_ name: String, _ value: (some TemplateValueBuilding)?) {
        object.append(name, value?.buildValue() ?? false)
    }
}

extension TemplateHTML: TemplateValueBuilding {
    public func buildValue() -> TemplateValue { .html(markup) }
}

extension Encoded: TemplateValueBuilding {
    public func buildValue() -> TemplateValue { value }
}

extension Extending: TemplateValueBuilding where Base: TemplateValueBuilding, Extra: TemplateValueBuilding {
    /// As `encode(to:)`: `extra`'s values on top of `base`'s object, which is not copied.
    public func buildValue() -> TemplateValue {
        guard case .object(let base) = base.buildValue(), case .object(let extra) = extra.buildValue() else {
            return .null
        }
        var combined = TemplateObject(extending: base)
        for (name, value) in zip(extra.names, extra.values) { combined.append(name, value) }
        return .object(combined)
    }
}
