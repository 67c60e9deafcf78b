import ChorusSupport

/// One field that differs between two revisions.
public struct FieldChange: Sendable, Equatable {
    public var path: String
    /// The old and new value as compact JSON; nil where the field did not exist.
    public var before: String?
    public var after: String?

    public init(path: String, before: String?, after: String?) {
        self.path = path
        self.before = before
        self.after = after
    }
}

/// Field-level differences between two states, leaf by leaf, with JSON paths.
public enum StateDiff {
    public static func changes(from old: IncidentState?, to new: IncidentState) -> [FieldChange] {
        guard let newNode = node(new) else { return [] }
        guard let old, let oldNode = node(old) else {
            return [FieldChange(path: "$", before: nil, after: "(new incident)")]
        }
        var changes: [FieldChange] = []
        compare(oldNode, newNode, JSONPath.root, &changes)
        return changes
    }

    /// The paths of the changed leaves, each once, in document order.
    public static func changedFields(from old: IncidentState?, to new: IncidentState) -> [String] {
        var seen: [String] = []
        for change in changes(from: old, to: new) where !seen.contains(change.path) { seen.append(change.path) }
        return seen
    }

    /// As `changedFields`, without `$.lastUpdatedAt`, which every change moves.
    public static func meaningfulChanges(from old: IncidentState?, to new: IncidentState) -> [String] {
        changedFields(from: old, to: new).filter { $0 != "$.lastUpdatedAt" }
    }

    private static func node(_ state: IncidentState) -> JSONNode? {
        guard let text = try? StateCoding.encode(state) else { return nil }
        return try? JSONParser.parse(text)
    }

    private static func compact(_ node: JSONNode) -> String {
        output(node).rendered(pretty: false)
    }

    private static func output(_ node: JSONNode) -> JSONOutput {
        switch node.value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .number(let d, _): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(output))
        case .object(let members): return .object(members.map { ($0.key, output($0.node)) })
        }
    }

    private static func compare(_ a: JSONNode, _ b: JSONNode, _ path: JSONPath, _ changes: inout [FieldChange]) {
        switch (a.value, b.value) {
        case (.object(let left), .object(let right)):
            var keys: [String] = left.map(\.key)
            for member in right where !keys.contains(member.key) { keys.append(member.key) }
            for key in keys {
                let l = left.first { $0.key == key }?.node, r = right.first { $0.key == key }?.node
                switch (l, r) {
                case let (l?, r?): compare(l, r, path.appending(key), &changes)
                case let (l?, nil): changes.append(FieldChange(path: path.appending(key).description, before: compact(l), after: nil))
                case let (nil, r?): changes.append(FieldChange(path: path.appending(key).description, before: nil, after: compact(r)))
                case (nil, nil): break
                }
            }
        case (.array(let left), .array(let right)):
            for index in 0..<max(left.count, right.count) {
                let p = path.appending(index)
                if index < left.count, index < right.count {
                    compare(left[index], right[index], p, &changes)
                } else if index < left.count {
                    changes.append(FieldChange(path: p.description, before: compact(left[index]), after: nil))
                } else {
                    changes.append(FieldChange(path: p.description, before: nil, after: compact(right[index])))
                }
            }
        default:
            if a.value != b.value {
                changes.append(FieldChange(path: path.description, before: compact(a), after: compact(b)))
            }
        }
    }
}
