/// A value a template renders: the data model of the engine, typed and `Sendable`.
///
/// Build one from JSON (`TemplateValue(json:)`), from any `Encodable` (`TemplateValue(encoding:)`),
/// or with literals: `["title": "Checkout errors", "count": 3, "regions": ["eu", "us"]]`.
///
/// Truthiness, as sections see it: `null`, `false`, the empty string and the empty list are
/// falsey; everything else (including `0` and the empty object) is truthy.
public enum TemplateValue: Sendable {
    case null
    case bool(Bool)
    /// A whole number; renders without a decimal point (`85`).
    case int(Int)
    /// A number with a fraction; renders in its shortest exact form (`1.21`).
    case double(Double)
    case string(String)
    case list([TemplateValue])
    case object([String: TemplateValue])
    /// A Swift closure the template calls (see `TemplateLambda`).
    case lambda(TemplateLambda)
}

extension TemplateValue {
    /// Whether a section renders its content for this value (and an inverted section does not).
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .string(let value): return !value.isEmpty
        case .list(let values): return !values.isEmpty
        case .int, .double, .object, .lambda: return true
        }
    }

    /// The member named `key` when this is an object.
    public subscript(key: String) -> TemplateValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The text an interpolation tag prints for this value, before escaping.
    ///
    /// Strings print as they are, numbers in their shortest form (`85`, `1.21`), booleans as
    /// `true`/`false`, null as nothing, lists as their items separated by `, `; objects and
    /// lambdas have no text of their own (lambdas are called by the renderer instead).
    public var interpolationText: String {
        switch self {
        case .null, .object, .lambda: return ""
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return TemplateValue.format(value)
        case .bool(let value): return value ? "true" : "false"
        case .list(let values): return values.map(\.interpolationText).joined(separator: ", ")
        }
    }

    /// `1.0` prints as `1`, `1.21` as `1.21`, very large or small numbers in exponent form.
    static func format(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 {
            return String(Int(value))
        }
        return value.description
    }
}

extension TemplateValue: Equatable {
    /// Values compare structurally; lambdas are never equal to anything (closures have no identity
    /// worth comparing).
    public static func == (lhs: TemplateValue, rhs: TemplateValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case let (.bool(a), .bool(b)): return a == b
        case let (.int(a), .int(b)): return a == b
        case let (.double(a), .double(b)): return a == b
        case let (.int(a), .double(b)), let (.double(b), .int(a)): return Double(a) == b
        case let (.string(a), .string(b)): return a == b
        case let (.list(a), .list(b)): return a == b
        case let (.object(a), .object(b)): return a == b
        default: return false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(nilLiteral: ()) { self = .null }

    /// Later duplicate keys replace earlier ones.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var members: [String: TemplateValue] = [:]
        members.reserveCapacity(elements.count)
        for (key, value) in elements { members[key] = value }
        self = .object(members)
    }
}

extension TemplateValue: CustomStringConvertible {
    /// A JSON-like rendering for messages and test failures.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .double(let value): return TemplateValue.format(value)
        case .string(let value):
            var quoted = "\""
            for character in value {
                switch character {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\n": quoted += "\\n"
                default: quoted.append(character)
                }
            }
            return quoted + "\""
        case .list(let values): return "[" + values.map(\.description).joined(separator: ", ") + "]"
        case .object(let members):
            let parts = members.keys.sorted().map { key in "\"\(key)\": \(members[key]?.description ?? "null")" }
            return "{" + parts.joined(separator: ", ") + "}"
        case .lambda: return "<lambda>"
        }
    }
}
