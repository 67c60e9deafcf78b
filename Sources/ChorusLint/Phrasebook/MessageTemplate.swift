/// A section's message with its `{match}` and `{suggestion}` variables split out.
struct MessageTemplate: Sendable {
    enum Part: Sendable { case text(String), match, suggestion }
    let parts: [Part]

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
    }

    /// A message written out in full: braces in it are text, not variables.
    init(literal: String) {
        parts = [.text(literal)]
    }

    /// This template followed by `text` (the labelled-speculation note, say).
    func appending(_ text: String) -> MessageTemplate {
        MessageTemplate(parts: parts + [.text(text)])
    }

    private init(parts: [Part]) {
        self.parts = parts
    }

    func render(match: String, suggestion: String?) -> String {
        var out = ""
        for part in parts {
            switch part {
            case .text(let text): out += text
            case .match: out += match
            case .suggestion: out += suggestion ?? ""
            }
        }
        return out
    }
}
