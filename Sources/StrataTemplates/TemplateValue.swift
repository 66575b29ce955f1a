/// What a template renders from: typed, immutable and `Sendable`, so a value built once can be
/// shared by every page that shows it and by every thread.
public enum TemplateValue: Sendable, Equatable {
    /// Nothing: renders as empty text and counts as false in a section.
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    /// Text, HTML-escaped by `{{name}}`.
    case text(String)
    /// Markup that is already HTML: written as it is by both `{{name}}` and `{{{name}}}`.
    case html(String)
    case list([TemplateValue])
    case object(TemplateObject)

    /// Whether a section shows its content: not for `null`, `false` or an empty list.
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .list(let items): !items.isEmpty
        default: true
        }
    }
}

/// Named values, looked up by a template's names. An object may extend a `base` object: a name
/// it does not have is looked up there, so a list entry can add values to a shared item
/// without copying it.
public struct TemplateObject: Sendable, Equatable {
    public private(set) var names: [String]
    public private(set) var values: [TemplateValue]
    private var base: Box?

    private final class Box: Sendable, Equatable {
        let object: TemplateObject
        init(_ object: TemplateObject) { self.object = object }
        static func == (lhs: Box, rhs: Box) -> Bool { lhs === rhs || lhs.object == rhs.object }
    }

    public init() {
        names = []
        values = []
    }

    public init(_ pairs: KeyValuePairs<String, TemplateValue>) {
        self.init()
        for (name, value) in pairs { self[name] = value }
    }

    /// An object with `base`'s values, and this object's own on top.
    public init(extending base: TemplateObject) {
        self.init()
        self.base = Box(base)
    }

    public subscript(name: String) -> TemplateValue? {
        get {
            if let index = names.firstIndex(of: name) { return values[index] }
            return base?.object[name]
        }
        set {
            if let index = names.firstIndex(of: name) {
                if let newValue {
                    values[index] = newValue
                } else {
                    names.remove(at: index)
                    values.remove(at: index)
                }
            } else if let newValue {
                names.append(name)
                values.append(newValue)
            }
        }
    }

    /// Adds a value under a name the object does not have yet (the encoder's fast path).
    mutating func append(_ name: String, _ value: TemplateValue) {
        names.append(name)
        values.append(value)
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .text(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var object = TemplateObject()
        for (name, value) in elements { object[name] = value }
        self = .object(object)
    }
}
