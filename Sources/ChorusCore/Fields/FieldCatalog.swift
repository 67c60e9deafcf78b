/// Every field of the state as the command line names it, from the field table: for
/// `chorus help set` and the README, so the list can never miss a field.
public enum FieldCatalog {
    public struct Entry: Sendable, Equatable {
        /// `impact.summary`, `links.<n>.url`, `facts.<id>.text`.
        public var address: String
        /// How it is typed.
        public var typedAs: String
        public var description: String
        public var required: Bool
        public var isList: Bool
        /// Why the command line does not change it, when it does not.
        public var managed: String?
        /// The `open`/`update` flag, if any.
        public var flag: String?
        /// For a list of records: the options `chorus add` takes.
        public var addOptions: [String]
        /// For a field with a fixed list of values: the values.
        public var choices: [String]?
        /// Which way a typed time reaches, for a time.
        public var isTime: Bool
    }

    public static let entries: [Entry] = collect(StateFields.state, prefix: "", managedBy: nil)

    private static func collect(_ record: RecordSpec, prefix: String, managedBy outer: String?) -> [Entry] {
        var entries: [Entry] = []
        for field in record.fields {
            let address = prefix + field.name
            var managed = outer
            if managed == nil, case .managed(let reason) = field.editing { managed = reason }
            switch field.type {
            case .record(let inner):
                entries += collect(inner, prefix: address + ".", managedBy: managed)
            case .list(let element):
                let options = element.record?.fields.filter { $0.editing == .free }.map { "--" + $0.kebabName + ($0.required && $0.defaultValue == nil ? "" : "?") } ?? []
                entries.append(Entry(address: address, typedAs: field.type.typedAs, description: field.description, required: field.required,
                                     isList: true, managed: managed, flag: field.flag, addOptions: options, choices: nil, isTime: false))
                if let inner = element.record {
                    let selector = inner.key.map { "<\($0)>" } ?? "<n>"
                    entries += collect(inner, prefix: address + "." + selector + ".", managedBy: managed)
                }
            default:
                var choices: [String]?
                if case .choice(let values) = field.type { choices = values }
                var isTime = false
                switch field.type { case .time, .promise: isTime = true; default: break }
                entries.append(Entry(address: address, typedAs: field.type.typedAs, description: field.description, required: field.required,
                                     isList: false, managed: managed, flag: field.flag, addOptions: [], choices: choices, isTime: isTime))
            }
        }
        return entries
    }

    /// The flag that sets the field at a JSON path (`$.impact.summary` → `--impact`), for hints.
    public static func flag(for path: String) -> String? {
        let address = path.hasPrefix("$.") ? String(path.dropFirst(2)) : path
        return entries.first { $0.address == address }?.flag
    }
}
