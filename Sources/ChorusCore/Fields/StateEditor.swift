import ChorusSupport
import Foundation

/// Changes any field of the state as the command line names it — `set`, `add`, `remove` —
/// driven by the field table: the field's type turns typed text into its value, its editing
/// rule says whether the command line may change it, and its defaults fill new items. The
/// result goes through the same decoding (and, when the workflow writes it, the same
/// validation) as a state file.
public struct StateEditor {
    private var tree: JSONTree
    private let clock: RenderClock
    /// Every typed time, with what it was taken to mean.
    public private(set) var typedTimes: [(field: String, typed: String, date: Date)] = []
    private var times: [FieldInput.TypedTime] = [] {
        didSet { typedTimes = times.map { ($0.field, $0.typed, $0.date) } }
    }

    public init(_ state: IncidentState, clock: RenderClock) throws(StateEditError) {
        do {
            tree = JSONTree(try JSONParser.parse(try StateCoding.encode(state)))
        } catch {
            throw .refused("the state cannot be edited: \(error)")
        }
        self.clock = clock
    }

    /// The edited state, its shape checked (the rules beyond shape are the workflow's to check
    /// once the change is settled).
    public func state() throws(StateEditError) -> IncidentState {
        do {
            return try StateDocument.decode(tree.rendered).state
        } catch {
            switch error {
            case .syntax(let syntax): throw .invalid([SchemaProblem(path: .root, position: nil, message: syntax.message)])
            case .invalid(let problems): throw .invalid(problems.map { SchemaProblem(path: $0.path, position: nil, message: $0.message) })
            }
        }
    }

    /// The value at `address` as JSON, and where it is.
    public func get(_ address: String) throws(StateEditError) -> (path: JSONPath, json: String?) {
        let resolved = try FieldAddress.resolve(address, in: tree)
        return (resolved.path, tree.value(at: resolved.path)?.rendered)
    }

    /// Sets the field at `address` to the typed `text`, creating the records on the way
    /// (`window.start` creates the window). `label` names the value in messages and in the echo
    /// of a typed time (`--next-update`); the field's name by default.
    public mutating func set(_ address: String, to text: String, label: String? = nil) throws(StateEditError) {
        let resolved = try FieldAddress.resolve(address, in: tree)
        try Self.checkEditable(resolved)
        let value = try FieldInput.value(text, as: resolved.type, for: label ?? resolved.path.description.dropFirst(2).description,
                                         clock: clock, times: &times)
        try createRecords(along: resolved.path)
        tree.set(value, at: resolved.path)
    }

    /// Adds an item to the list at `address`: `value` for a list of text, the `fields` (by name,
    /// typed) for a list of records, whose missing fields take their defaults (the next id, now).
    /// Returns the new item's address (`facts.F4`, `asks.3`).
    @discardableResult
    public mutating func add(to address: String, value: String?, fields: [(name: String, text: String)]) throws(StateEditError) -> String {
        let resolved = try FieldAddress.resolve(address, in: tree)
        guard case .list(let element) = resolved.type, !resolved.isItem else {
            throw .badInput("'\(address)' is not a list; chorus add adds to lists such as asks, links, facts or rootCause.whys (use chorus set for a single value)")
        }
        try Self.checkEditable(resolved)
        let name = resolved.path.description.dropFirst(2).description
        var items = tree.value(at: resolved.path)?.elements ?? []
        let item: JSONTree
        if let record = element.record {
            if let value { throw .badInput("\(name) holds \(record.description)s: give their fields as options (--\(record.fields[0].kebabName) …), not '\(value)'") }
            var object = JSONTree.object([])
            for (fieldName, text) in fields {
                guard let field = record.field(named: fieldName) else {
                    var message = "\(record.description) has no field '\(fieldName)'"
                    if let near = NameSuggestion.closest(to: fieldName, among: record.fields.map(\.kebabName)) { message += ". Did you mean '--\(near)'?" }
                    throw .badInput(message + "; its fields: " + record.fields.map { "--" + $0.kebabName }.joined(separator: ", "))
                }
                if case .managed(let reason) = field.editing { throw .refused("\(name).\(field.name) cannot be given: \(reason)") }
                object[field.name] = try FieldInput.value(text, as: field.type, for: "--" + field.kebabName, clock: clock, times: &times)
            }
            for field in record.fields where object[field.name] == nil {
                if let value = try defaultValue(field, among: items, record: record) { object[field.name] = value }
            }
            let missing = record.fields.filter { $0.required && object[$0.name] == nil }.map { "--" + $0.kebabName }
            guard missing.isEmpty else {
                throw .badInput("\(record.description) needs \(missing.joined(separator: ", ")) (chorus help add lists every field)")
            }
            item = object
        } else {
            guard let value else { throw .badInput("give the item to add to \(name)") }
            guard fields.isEmpty else { throw .badInput("\(name) holds \(element.typedAs); give the item itself, without options") }
            item = try FieldInput.value(value, as: element, for: name, clock: clock, times: &times)
        }
        try createRecords(along: resolved.path)
        items.append(item)
        tree.set(.array(items), at: resolved.path)
        if let key = element.record?.key, let id = item[key]?.string { return "\(name).\(id)" }
        return "\(name).\(items.count)"
    }

    /// Removes the field or list item at `address`. A required field cannot be removed.
    public mutating func remove(_ address: String) throws(StateEditError) {
        let resolved = try FieldAddress.resolve(address, in: tree)
        try Self.checkEditable(resolved)
        let name = resolved.path.description.dropFirst(2).description
        if !resolved.isItem && resolved.field.required {
            throw .refused("\(name) is required; change it with chorus set instead")
        }
        guard tree.value(at: resolved.path) != nil else { throw .notFound("\(name) is not set; there is nothing to remove") }
        tree.set(nil, at: resolved.path)
    }

    /// Clears what a flag's "none" means: the innermost optional field on the way to `address`
    /// (`--root-cause none` removes the root cause, whose summary is required), and then its
    /// record when nothing but defaults is left in it (`--eta none` removes the whole ETA).
    /// Nothing happens when there is nothing to clear.
    public mutating func clear(_ address: String) throws(StateEditError) {
        let resolved = try FieldAddress.resolve(address, in: tree)
        try Self.checkEditable(resolved)
        var type = FieldType.record(StateFields.state)
        var path = JSONPath.root
        var optional: (path: JSONPath, record: RecordSpec?)?
        var parent: (path: JSONPath, record: RecordSpec, optional: Bool)?
        for component in resolved.path.components {
            guard case .key(let key) = component, case .record(let record) = type, let field = record.field(named: key) else {
                throw .badInput("'\(address)' cannot be cleared with none; use chorus remove")
            }
            let fieldPath = path.appending(key)
            if !field.required { optional = (fieldPath, record) }
            if case .record(let inner) = field.type { parent = (fieldPath, inner, !field.required) }
            path = fieldPath
            type = field.type
        }
        guard let optional else { throw .refused("\(resolved.path.description.dropFirst(2)) is required; it cannot be none") }
        guard tree.value(at: optional.path) != nil else { return }
        tree.set(nil, at: optional.path)
        // A record left with only what defaults would fill goes too (an ETA without its time).
        if let parent, parent.optional, parent.path != optional.path, let remaining = tree.value(at: parent.path),
           case .object(let members) = remaining,
           members.allSatisfy({ member in parent.record.field(named: member.0)?.defaultValue != nil }) {
            tree.set(nil, at: parent.path)
        }
    }

    private static func checkEditable(_ address: FieldAddress) throws(StateEditError) {
        if let reason = address.managed {
            throw .refused("\(address.path.description.dropFirst(2)) cannot be changed with chorus set, add or remove: \(reason)")
        }
    }

    /// Creates the missing records along `path` (not the last step), each with the defaults of
    /// its required fields.
    private mutating func createRecords(along path: JSONPath) throws(StateEditError) {
        var type = FieldType.record(StateFields.state)
        var prefix = JSONPath.root
        for component in path.components.dropLast() {
            switch (component, type) {
            case (.key(let key), .record(let record)):
                guard let field = record.field(named: key) else { return }
                prefix = prefix.appending(key)
                type = field.type
                if tree.value(at: prefix) == nil, case .record(let inner) = field.type {
                    var object = JSONTree.object([])
                    for field in inner.fields where field.required {
                        if let value = try defaultValue(field, among: [], record: inner) { object[field.name] = value }
                    }
                    tree.set(object, at: prefix)
                }
            case (.index(let index), .list(let element)):
                prefix = prefix.appending(index)
                type = element
            default:
                return
            }
        }
    }

    private func defaultValue(_ field: FieldSpec, among items: [JSONTree], record: RecordSpec) throws(StateEditError) -> JSONTree? {
        switch field.defaultValue {
        case nil: return nil
        case .now?: return .string(ISO8601.format(clock.now))
        case .value(let text)?:
            var ignored: [FieldInput.TypedTime] = []
            return try FieldInput.value(text, as: field.type, for: field.name, clock: clock, times: &ignored)
        case .nextID(let prefix)?:
            var ids = items.compactMap { $0[field.name]?.string }
            // A retracted fact's id stays taken: its correction still refers to it.
            if record.name == StateFields.fact.name {
                ids += (tree["corrections"]?.elements ?? []).compactMap { $0["retracts"]?.string }
            }
            return .string(IncidentEdits.nextID(prefix: prefix, existing: ids))
        }
    }
}
