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
        var match = match, suggestion = suggestion ?? ""
        return match.withUTF8 { matchBytes in
            suggestion.withUTF8 { suggestionBytes in
                var total = length
                for part in parts {
                    switch part {
                    case .text: break
                    case .match: total += matchBytes.count
                    case .suggestion: total += suggestionBytes.count
                    }
                }
                // One allocation and a copy per part: messages are built for every finding.
                return String(unsafeUninitializedCapacity: total) { output in
                    var written = 0
                    func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
                        guard let source = bytes.baseAddress, let target = output.baseAddress, !bytes.isEmpty else { return }
                        (target + written).initialize(from: source, count: bytes.count)
                        written += bytes.count
                    }
                    for part in parts {
                        switch part {
                        case .text(var text): text.withUTF8 { copy($0) }
                        case .match: copy(matchBytes)
                        case .suggestion: copy(suggestionBytes)
                        }
                    }
                    return written
                }
            }
        }
    }
}
