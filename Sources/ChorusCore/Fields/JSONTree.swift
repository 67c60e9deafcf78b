import ChorusSupport

/// A JSON value that can be changed in place: the form `chorus set/add/remove` edit the state
/// in, so every edit goes through the same decoding and validation as a file.
indirect enum JSONTree: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, as written.
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([(String, JSONTree)])

    static func == (lhs: JSONTree, rhs: JSONTree) -> Bool { lhs.rendered == rhs.rendered }

    init(_ node: JSONNode) {
        switch node.value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(_, let text): self = .number(text)
        case .string(let s): self = .string(s)
        case .array(let elements): self = .array(elements.map(JSONTree.init))
        case .object(let members): self = .object(members.map { ($0.key, JSONTree($0.node)) })
        }
    }

    /// Compact JSON text.
    var rendered: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let text): return text
        case .string(let s):
            var out = ""
            JSONText.append(quoted: s, to: &out)
            return out
        case .array(let items): return "[" + items.map(\.rendered).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { member in
                var key = ""
                JSONText.append(quoted: member.0, to: &key)
                return key + ":" + member.1.rendered
            }.joined(separator: ",") + "}"
        }
    }

    subscript(key: String) -> JSONTree? {
        get {
            guard case .object(let members) = self else { return nil }
            return members.first { $0.0 == key }?.1
        }
        set {
            guard case .object(var members) = self else { return }
            if let index = members.firstIndex(where: { $0.0 == key }) {
                if let newValue { members[index].1 = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key, newValue))
            }
            self = .object(members)
        }
    }

    var elements: [JSONTree]? {
        if case .array(let items) = self { return items }
        return nil
    }

    var string: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The value at `path`, if there is one.
    func value(at path: JSONPath) -> JSONTree? {
        var current = self
        for component in path.components {
            switch component {
            case .key(let key):
                guard let next = current[key] else { return nil }
                current = next
            case .index(let index):
                guard let items = current.elements, items.indices.contains(index) else { return nil }
                current = items[index]
            }
        }
        return current
    }

    /// Sets (or with nil removes) the value at `path`; every object on the way must exist.
    mutating func set(_ value: JSONTree?, at path: JSONPath) {
        guard let first = path.components.first else {
            if let value { self = value }
            return
        }
        let rest = JSONPath(Array(path.components.dropFirst()))
        switch first {
        case .key(let key):
            if rest.components.isEmpty {
                self[key] = value
            } else if var child = self[key] {
                child.set(value, at: rest)
                self[key] = child
            }
        case .index(let index):
            guard case .array(var items) = self, items.indices.contains(index) else { return }
            if rest.components.isEmpty {
                if let value { items[index] = value } else { items.remove(at: index) }
            } else {
                items[index].set(value, at: rest)
            }
            self = .array(items)
        }
    }
}

extension JSONTree {
    /// For output, with the members of each record in the field table's order (as the examples
    /// are written), not alphabetically.
    func output(as type: FieldType?) -> JSONOutput {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let text): return Int(text).map { .int($0) } ?? .double(Double(text) ?? 0)
        case .string(let s): return .string(s)
        case .array(let items):
            var element: FieldType?
            if case .list(let inner)? = type { element = inner }
            return .array(items.map { $0.output(as: element) })
        case .object(let members):
            guard case .record(let record)? = type else { return .object(members.map { ($0.0, $0.1.output(as: nil)) }) }
            let order = record.fields.map(\.name)
            let sorted = members.sorted { a, b in
                (order.firstIndex(of: a.0) ?? Int.max, a.0) < (order.firstIndex(of: b.0) ?? Int.max, b.0)
            }
            return .object(sorted.map { member in (member.0, member.1.output(as: record.field(named: member.0)?.type)) })
        }
    }
}

extension StateCoding {
    /// The state as pretty JSON in the field table's order, for people to read and edit
    /// (`chorus get`, `chorus edit`), with a final newline.
    public static func readable(_ state: IncidentState) throws -> String {
        let tree = JSONTree(try JSONParser.parse(try encode(state)))
        return tree.output(as: .record(StateFields.state)).rendered() + "\n"
    }
}
