/// A JSON document as a tree that remembers where each value and each key stood in the source,
/// so that any problem found later can be reported as `file:line:column`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, with the text it was written as (so `1.0` and `1` stay distinguishable).
    case number(Double, text: String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// The name of the value's JSON type, as used in messages ("a string", "an object", ...).
    public var typeDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

/// A value and the position of its first character.
public struct JSONNode: Sendable, Equatable {
    public var value: JSONValue
    public var position: SourcePosition

    public init(_ value: JSONValue, at position: SourcePosition = .start) {
        self.value = value
        self.position = position
    }
}

/// One `"key": value` pair of an object, with the position of the key.
public struct JSONMember: Sendable, Equatable {
    public var key: String
    public var keyPosition: SourcePosition
    public var node: JSONNode

    public init(key: String, keyPosition: SourcePosition, node: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.node = node
    }
}

extension JSONNode {
    /// The member named `key` when this is an object.
    public subscript(key: String) -> JSONNode? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.node
    }

    /// The element at `index` when this is an array.
    public subscript(index: Int) -> JSONNode? {
        guard case .array(let elements) = value, elements.indices.contains(index) else { return nil }
        return elements[index]
    }

    public var stringValue: String? {
        if case .string(let s) = value { return s }
        return nil
    }

    public var members: [JSONMember]? {
        if case .object(let m) = value { return m }
        return nil
    }

    public var elements: [JSONNode]? {
        if case .array(let e) = value { return e }
        return nil
    }

    /// The node found by following `path` from here, and the position that best names it:
    /// the node itself when it exists, else the deepest existing ancestor.
    public func locate(_ path: JSONPath) -> (node: JSONNode?, position: SourcePosition) {
        var current = self
        for component in path.components {
            let next: JSONNode?
            switch component {
            case .key(let key): next = current[key]
            case .index(let index): next = current[index]
            }
            guard let found = next else { return (nil, current.position) }
            current = found
        }
        return (current, current.position)
    }

    /// The position of the key `key` inside the object at `path` (for "unknown key" messages).
    public func keyPosition(_ key: String, in path: JSONPath) -> SourcePosition? {
        guard let object = locate(path).node, let members = object.members else { return nil }
        return members.first { $0.key == key }?.keyPosition
    }
}
