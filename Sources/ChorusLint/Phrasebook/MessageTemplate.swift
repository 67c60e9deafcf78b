/// A section's message with its `{match}` and `{suggestion}` variables split out, so rendering a
/// finding's message is one concatenation.
struct MessageTemplate: Sendable {
    enum Part: Sendable { case text(String), match, suggestion }
    let parts: [Part]
    /// Bytes of the literal parts.
    private let length: Int

    init(_ template: String) {
        var parts: [Part] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if name == "match" || name == "suggestion" {
                if open > rest.startIndex { parts.append(.text(String(rest[..<open]))) }
                parts.append(name == "match" ? .match : .suggestion)
            } else {
                parts.append(.text(String(rest[...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.text(String(rest))) }
        self.parts = parts
        length = parts.reduce(0) { total, part in
            if case .text(let text) = part { return total + text.utf8.count }
            return total
        }
    }

    func render(match: String, suggestion: String?) -> String {
        var result = ""
        result.reserveCapacity(length + match.utf8.count + (suggestion?.utf8.count ?? 0))
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .match: result += match
            case .suggestion: result += suggestion ?? ""
            }
        }
        return result
    }
}
