/// The shape of the values a template is given: which names it may use and what each one is.
/// It is read off the view types themselves (`TemplateSchema.of(ContentPage.self)`), so a
/// theme can be checked against exactly what the build hands it.
public indirect enum TemplateSchema: Sendable, Equatable {
    case text, html, bool, number
    case list(TemplateSchema)
    case object(TemplateObjectSchema)
    /// A value whose shape the view does not say (a pre-encoded `TemplateValue`).
    case unknown

    public static func of<View: Decodable>(_ view: View.Type) -> TemplateSchema {
        let decoder = SchemaDecoder()
        _ = try? View(from: decoder)
        decoder.name(as: View.self)
        return decoder.schema
    }

    /// The fields when this is an object.
    public var object: TemplateObjectSchema? {
        if case .object(let object) = self { return object }
        return nil
    }
}

/// The names of an object, in the order the view declares them.
public struct TemplateObjectSchema: Sendable, Equatable {
    /// What the object is, in words ("a content page"), for error messages and docs.
    public var noun: String?
    public private(set) var names: [String] = []
    public private(set) var schemas: [TemplateSchema] = []
    /// Names whose value may be `false` (an optional of the view).
    public private(set) var optional: Set<String> = []

    public init(noun: String? = nil) { self.noun = noun }

    public subscript(name: String) -> TemplateSchema? {
        names.firstIndex(of: name).map { schemas[$0] }
    }

    public mutating func add(_ name: String, _ schema: TemplateSchema, optional isOptional: Bool = false) {
        if let index = names.firstIndex(of: name) {
            schemas[index] = schema
        } else {
            names.append(name)
            schemas.append(schema)
        }
        if isOptional { optional.insert(name) } else { optional.remove(name) }
    }

    /// This object's names, then `other`'s that it does not have.
    public func adding(_ other: TemplateObjectSchema) -> TemplateObjectSchema {
        var result = self
        for (name, schema) in zip(other.names, other.schemas) where self[name] == nil {
            result.add(name, schema, optional: other.optional.contains(name))
        }
        return result
    }
}

/// A view that says in words what it is, for messages: "'titel' is not a value of a content page".
public protocol TemplateView: Codable, Sendable {
    static var templateNoun: String { get }
}
