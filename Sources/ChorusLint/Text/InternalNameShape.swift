/// Tells internal names from ordinary words by their shape: IP addresses, hostnames with an
/// internal label or a numbered first label, and identifiers in `kebab-case`, `snake_case` or
/// `camelCase` whose parts name infrastructure (the phrasebook's `[identifier-parts]`).
enum InternalNameShape: Equatable {
    case ipAddress
    case hostname
    case identifier

    /// English compounds that contain an infrastructure word but name no service:
    /// `server-side`, `api-based`, `cache-related`.
    static let englishSecondParts: Set<String> = [
        "side", "level", "wide", "based", "related", "specific", "only", "driven", "facing", "like", "style",
        "free", "ready", "aware", "heavy", "bound", "first", "friendly", "powered", "enabled", "induced",
    ]

    static func classify(_ text: String, identifierParts: Set<String>, hostLabels: Set<String>) -> InternalNameShape? {
        let lower = text.lowercased()
        if lower == "localhost" { return .hostname }
        if isIPv4(lower) { return .ipAddress }
        if isIPv6(lower) { return .ipAddress }
        if lower.contains("."), let labels = hostnameLabels(lower) {
            if labels.contains(where: { hostLabels.contains($0) }) || isNumberedNode(labels[0]) { return .hostname }
            return nil
        }
        return isIdentifier(text, identifierParts: identifierParts) ? .identifier : nil
    }

    private static func isDigits(_ s: Substring) -> Bool { !s.isEmpty && s.allSatisfy { $0.isASCII && $0.isNumber } }

    static func isIPv4(_ text: String) -> Bool {
        var address = Substring(text)
        if let colon = address.firstIndex(of: ":") {
            guard isDigits(address[address.index(after: colon)...]) else { return false }
            address = address[..<colon]
        }
        let groups = address.split(separator: ".", omittingEmptySubsequences: false)
        guard groups.count == 4 else { return false }
        return groups.allSatisfy { isDigits($0) && $0.count <= 3 && (Int($0) ?? 256) <= 255 }
    }

    static func isIPv6(_ text: String) -> Bool {
        let colons = text.filter { $0 == ":" }.count
        guard colons >= 2, text.allSatisfy({ $0 == ":" || $0.isHexDigit }) else { return false }
        let groups = text.split(separator: ":", omittingEmptySubsequences: true)
        guard groups.allSatisfy({ $0.count <= 4 }) else { return false }
        if text.contains("::") { return true }
        return colons == 7
    }

    /// The labels of a syntactically valid hostname whose last label is alphabetic.
    private static func hostnameLabels(_ text: String) -> [String]? {
        let labels = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        }
        guard let last = labels.last, last.count >= 2, last.allSatisfy(\.isLetter) else { return nil }
        return labels
    }

    /// `db01`, `web-3`, `ip-10-0-0-1`: a machine, not a product.
    private static func isNumberedNode(_ label: String) -> Bool {
        if label.hasPrefix("ip-"), label.dropFirst(3).split(separator: "-").allSatisfy(isDigits) { return true }
        let letters = label.prefix { $0.isLetter }
        var rest = label.dropFirst(letters.count)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        return letters.count >= 2 && isDigits(rest)
    }

    private static func isIdentifier(_ text: String, identifierParts: Set<String>) -> Bool {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." || $0 == ":" }).map { $0.lowercased() }
        guard parts.count >= 1, !parts.allSatisfy({ isDigits(Substring($0)) }) else { return false }
        if parts.contains(where: { englishSecondParts.contains($0) }) { return false }
        if text.contains("_"), parts.count >= 2 { return true }
        if parts.count >= 2 {
            if parts.contains(where: { identifierParts.contains($0) }) { return true }
            // us-east-1, db-01: named parts ending in a number.
            let named = parts.filter { !isDigits(Substring($0)) }
            if let last = parts.last, isDigits(Substring(last)), named.count >= 2 || parts.count >= 2 && identifierParts.contains(parts[0]) {
                return true
            }
        }
        // camelCase: authService, PaymentsAPI — the last hump names infrastructure.
        for part in text.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == "." }) {
            let humps = camelHumps(part)
            if humps.count >= 2, let last = humps.last?.lowercased(), last != "db", identifierParts.contains(last) { return true }
        }
        return false
    }

    /// `authService` → `auth`, `Service`; `PaymentsAPI` → `Payments`, `API`.
    static func camelHumps(_ word: Substring) -> [String] {
        var humps: [String] = []
        var current = ""
        var previous: Character?
        for c in word {
            if let p = previous, c.isUppercase, p.isLowercase || p.isNumber {
                humps.append(current); current = ""
            }
            current.append(c)
            previous = c
        }
        if !current.isEmpty { humps.append(current) }
        return humps
    }
}
