/// Markup a view hands to a template as it is (a rendered Markdown body, an inline SVG):
/// a template writes it with `{{{name}}}`.
public struct TemplateHTML: Codable, Sendable, Equatable {
    public var markup: String

    public init(_ markup: String) { self.markup = markup }

    public func encode(to encoder: any Encoder) throws {
        if let encoder = encoder as? ValueEncoder {
            encoder.value = .html(markup)
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(markup)
        }
    }

    public init(from decoder: any Decoder) throws {
        if let decoder = decoder as? SchemaDecoder {
            decoder.schema = .html
            markup = ""
        } else {
            markup = try decoder.singleValueContainer().decode(String.self)
        }
    }
}

/// A view encoded once, kept as its template value: a list entry shared by many pages is
/// encoded once and handed to each as it is. Its schema is the view's.
public struct Encoded<View: Codable>: Codable, Sendable {
    public let value: TemplateValue

    public init(_ view: View) throws { value = try TemplateEncoder.encode(view) }
    public init(value: TemplateValue) { self.value = value }

    public func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? ValueEncoder else {
            throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "only a template value"))
        }
        encoder.value = value
    }

    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? SchemaDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "only a schema"))
        }
        let (_, schema) = try decoder.decode(View.self)
        decoder.schema = schema
        value = .null
    }
}

/// `base`'s values with `extra`'s on top, as one object, without copying `base`: a table row
/// is a page item plus the row's own columns.
public struct Extending<Base: Codable, Extra: Codable>: Codable {
    public var base: Base
    public var extra: Extra

    public init(_ base: Base, _ extra: Extra) {
        self.base = base
        self.extra = extra
    }

    public func encode(to encoder: any Encoder) throws {
        guard let encoder = encoder as? ValueEncoder,
            case .object(let base) = try TemplateEncoder.encode(base),
            case .object(let extra) = try TemplateEncoder.encode(extra)
        else {
            throw EncodingError.invalidValue(
                "", .init(codingPath: [], debugDescription: "an extended view encodes only to a template object"))
        }
        var combined = TemplateObject(extending: base)
        for (name, value) in zip(extra.names, extra.values) { combined.append(name, value) }
        encoder.value = .object(combined)
    }

    public init(from decoder: any Decoder) throws {
        guard let decoder = decoder as? SchemaDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "only a schema"))
        }
        let (base, baseSchema) = try decoder.decode(Base.self)
        let (extra, extraSchema) = try decoder.decode(Extra.self)
        self.init(base, extra)
        var combined = extraSchema.object ?? TemplateObjectSchema()
        combined = combined.adding(baseSchema.object ?? TemplateObjectSchema())
        combined.noun = extraSchema.object?.noun ?? baseSchema.object?.noun
        decoder.schema = .object(combined)
    }
}

extension Extending: Sendable where Base: Sendable, Extra: Sendable {}
