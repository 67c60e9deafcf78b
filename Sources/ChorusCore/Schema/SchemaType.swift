/// A small, declarative description of a JSON document's shape.
///
/// One description serves two ends: it checks a parsed document, reporting every unknown key,
/// missing key, wrong type and bad value with its path and position; and it generates the
/// published JSON Schema, so the schema and the checks can never disagree.
public indirect enum SchemaType: Sendable {
    case string(StringFormat = .plain)
    case integer(minimum: Int?)
    case number
    case boolean
    /// A string from a fixed list.
    case enumeration([String])
    case array(SchemaType)
    case object(ObjectSchema)

    /// The largest whole number any file may hold (2^53 − 1, the largest a JSON number holds
    /// exactly); larger ones are refused with a clear error instead of trapping later.
    public static let largestInteger = 9_007_199_254_740_991

    public enum StringFormat: Sendable {
        case plain
        /// Must not be empty or only whitespace.
        case nonEmpty
        /// ISO 8601 time with zone.
        case dateTime
        /// Calendar date `YYYY-MM-DD`.
        case date
        /// An absolute http(s) URL.
        case url
    }
}

/// An object type: its properties, and a name under which the schema file defines it.
public struct ObjectSchema: Sendable {
    public var name: String
    public var description: String
    public var properties: [PropertySchema]
    /// Keys accepted and ignored (such as `$schema`).
    public var ignoredKeys: [String]

    public init(name: String, description: String, properties: [PropertySchema], ignoredKeys: [String] = []) {
        self.name = name
        self.description = description
        self.properties = properties
        self.ignoredKeys = ignoredKeys
    }
}

/// One property of an object.
public struct PropertySchema: Sendable {
    public var name: String
    public var type: SchemaType
    public var required: Bool
    /// `null` is accepted and means "not set".
    public var nullable: Bool
    public var description: String

    public static func required(_ name: String, _ type: SchemaType, _ description: String) -> PropertySchema {
        PropertySchema(name: name, type: type, required: true, nullable: false, description: description)
    }

    public static func optional(_ name: String, _ type: SchemaType, _ description: String) -> PropertySchema {
        PropertySchema(name: name, type: type, required: false, nullable: true, description: description)
    }
}
