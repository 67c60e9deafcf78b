/// One field of the incident state, described once: its JSON name and type, whether it is
/// required, what it means, who may see it, and how the command line changes it. The schema,
/// `chorus validate`, the audience views and `chorus set/add/remove` all read this description.
public struct FieldSpec: Sendable {
    /// How the command line may change a field.
    public enum Editing: Sendable, Equatable {
        /// `chorus set/add/remove` change it freely (validation still applies).
        case free
        /// Chorus keeps it: the reason says which verb changes it (`lastUpdatedAt`, `status`…).
        case managed(String)
    }

    /// What a new list item gets when `chorus add` is not told (facts get the next id, F4).
    public enum Default: Sendable, Equatable {
        /// The next free id with this prefix: "F" gives F1, F2, …
        case nextID(String)
        /// The time of the write.
        case now
        case value(String)
    }

    /// The JSON key.
    public var name: String
    public var type: FieldType
    public var required: Bool
    public var description: String
    public var editing: Editing
    /// The `chorus open` / `chorus update` flag that sets it (`impact` for `impact.summary`).
    public var flag: String?
    /// What `chorus add` fills in when the item is added without it.
    public var defaultValue: Default?
    /// Which audiences are shown it.
    public var visibility: Visibility

    /// Which audiences are shown a field: every one, none, or those whose definition lists one
    /// of these parts of the view in `shows`.
    public enum Visibility: Sendable, Equatable {
        case everyone
        case nobody
        case with([ViewField])
    }

    public init(_ name: String, _ type: FieldType, required: Bool = false, _ description: String,
                editing: Editing = .free, flag: String? = nil, default defaultValue: Default? = nil, shown visibility: Visibility) {
        self.name = name
        self.type = type
        self.required = required
        self.description = description
        self.editing = editing
        self.flag = flag
        self.defaultValue = defaultValue
        self.visibility = visibility
    }

    /// The command-line spelling of the name: `quantifiedImpact` → `quantified-impact`.
    public var kebabName: String { Self.kebab(name) }

    static func kebab(_ name: String) -> String {
        var out = ""
        for ch in name {
            if ch.isUppercase { out += "-" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }

    var property: PropertySchema {
        required ? .required(name, type.schemaType, description) : .optional(name, type.schemaType, description)
    }
}

/// An object of the state (the state itself, the roles, a fact…): its fields, and the field
/// that names an item in a list of them (`facts F2`, `components payments-callback`).
public struct RecordSpec: Sendable {
    /// The name under which the schema file defines it (`Fact`).
    public var name: String
    /// In words, for messages: "a confirmed fact".
    public var description: String
    public var fields: [FieldSpec]
    /// The field whose value names an item in a list of these records.
    public var key: String?

    public init(_ name: String, _ description: String, key: String? = nil, _ fields: [FieldSpec]) {
        self.name = name
        self.description = description
        self.key = key
        self.fields = fields
    }

    /// The field named `name` (JSON or kebab spelling, any case).
    public func field(named name: String) -> FieldSpec? {
        let wanted = name.lowercased()
        return fields.first { $0.name.lowercased() == wanted || $0.kebabName == wanted }
    }

    var objectSchema: ObjectSchema {
        ObjectSchema(name: name, description: description, properties: fields.map(\.property))
    }
}
