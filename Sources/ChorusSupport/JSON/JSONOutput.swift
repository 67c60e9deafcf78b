/// A JSON value to write, with members in the order given (or sorted), so output is stable and
/// byte-for-byte reproducible across platforms.
public indirect enum JSONOutput: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONOutput])
    case object([(String, JSONOutput)])

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        lhs.rendered(pretty: false) == rhs.rendered(pretty: false)
    }

    /// An object from a dictionary, members sorted by key.
    public static func sortedObject(_ members: [String: JSONOutput]) -> JSONOutput {
        .object(members.keys.sorted().compactMap { key in members[key].map { (key, $0) } })
    }

    /// The JSON text: two-space indentation when `pretty`, one line otherwise. Arrays of
    /// scalars stay on one line when pretty.
    public func rendered(pretty: Bool = true) -> String {
        var out = ""
        write(into: &out, pretty: pretty, indent: 0)
        return out
    }

    /// Appends the JSON text to `out` as `rendered` writes it, as if nested `indent` levels deep
    /// (for writing one member of a large array at a time).
    public func append(to out: inout String, pretty: Bool = true, indent: Int) {
        write(into: &out, pretty: pretty, indent: indent)
    }

    private func write(into out: inout String, pretty: Bool, indent: Int) {
        switch self {
        case .string(let s): JSONText.append(quoted: s, to: &out)
        case .int(let i): out += String(i)
        case .double(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out += String(Int(d)) } else if d.isFinite { out += String(d) } else { out += "null" }
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let scalars = items.allSatisfy { if case .array = $0 { return false }; if case .object = $0 { return false }; return true }
            if !pretty || scalars {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += pretty ? ", " : "," }
                    item.write(into: &out, pretty: pretty, indent: indent)
                }
                out += "]"
                return
            }
            let pad = String(repeating: "  ", count: indent + 1)
            out += "[\n"
            for (i, item) in items.enumerated() {
                if i > 0 { out += ",\n" }
                out += pad
                item.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            out += "\n" + String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            let pad = String(repeating: "  ", count: indent + 1)
            out += pretty ? "{\n" : "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { out += pretty ? ",\n" : "," }
                if pretty { out += pad }
                JSONText.append(quoted: key, to: &out)
                out += pretty ? ": " : ":"
                value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            out += pretty ? "\n" + String(repeating: "  ", count: indent) + "}" : "}"
        }
    }
}
