/// Tells internal names from ordinary words by their shape: IP addresses, hostnames with an
/// internal label or a numbered first label, and identifiers in `kebab-case`, `snake_case` or
/// `camelCase` whose parts name infrastructure (the phrasebook's `[identifier-parts]`).
/// Works on the ASCII bytes of one identifier run.
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

    private static func isDigit(_ b: UInt8) -> Bool { b >= 48 && b <= 57 }
    private static func isUpper(_ b: UInt8) -> Bool { b >= 65 && b <= 90 }
    private static func isLower(_ b: UInt8) -> Bool { b >= 97 && b <= 122 }
    private static func isLetter(_ b: UInt8) -> Bool { isUpper(b) || isLower(b) }
    private static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20 >= 97 && b | 0x20 <= 102) }
    private static func lower(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }

    /// The lowercase text of `bytes[range]`.
    private static func lowered(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map(lower), as: UTF8.self)
    }

    static func classify(_ text: String, identifierParts: Set<String>, hostLabels: Set<String>) -> InternalNameShape? {
        let bytes = Array(text.utf8)
        return classify(bytes, 0..<bytes.count, identifierParts: identifierParts, hostLabels: hostLabels)
    }

    static func classify(_ bytes: [UInt8], _ run: Range<Int>, identifierParts: Set<String>,
                         hostLabels: Set<String>) -> InternalNameShape? {
        var dots = 0, colons = 0, letters = 0, underscores = 0, hyphens = 0, hexOnly = true, camel = false
        var previousLower = false
        var i = run.lowerBound
        while i < run.upperBound {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: ":"): colons += 1
            case UInt8(ascii: "_"): underscores += 1
            case UInt8(ascii: "-"): hyphens += 1
            default:
                if isLetter(b) { letters += 1 }
                if isUpper(b), previousLower { camel = true }
            }
            if !(isHex(b) || b == UInt8(ascii: ":")) { hexOnly = false }
            previousLower = isLower(b)
        }
        if letters == 9, run.count == 9, lowered(bytes, run) == "localhost" { return .hostname }
        if dots == 3, letters == 0, isIPv4(bytes, run) { return .ipAddress }
        if colons >= 2, hexOnly, isIPv6(bytes, run, colons: colons) { return .ipAddress }
        guard letters > 0 else { return nil }
        if dots > 0, colons == 0, underscores == 0, let isInternal = hostname(bytes, run, hostLabels: hostLabels) {
            return isInternal ? .hostname : nil
        }
        guard underscores + hyphens + colons + dots > 0 || camel else { return nil }
        return isIdentifier(bytes, run, snake: underscores > 0, camel: camel, identifierParts: identifierParts) ? .identifier : nil
    }

    /// `10.0.3.17` or `10.0.3.17:5432`.
    private static func isIPv4(_ bytes: [UInt8], _ run: Range<Int>) -> Bool {
        var groups = 0, digits = 0, value = 0
        var i = run.lowerBound
        while i < run.upperBound {
            let b = bytes[i]
            if isDigit(b) {
                digits += 1; value = value * 10 + Int(b - 48)
                guard digits <= 3, value <= 255 else { return false }
            } else if b == UInt8(ascii: "."), digits > 0 {
                groups += 1; digits = 0; value = 0
            } else if b == UInt8(ascii: ":"), digits > 0, groups == 3 {
                // A port: digits only to the end.
                return i + 1 < run.upperBound && (i + 1..<run.upperBound).allSatisfy { isDigit(bytes[$0]) }
            } else {
                return false
            }
            i += 1
        }
        return groups == 3 && digits > 0
    }

    /// `fe80::1`, `2001:db8::8a2e:370:7334`: groups of up to four hex digits, with `::` or eight groups.
    private static func isIPv6(_ bytes: [UInt8], _ run: Range<Int>, colons: Int) -> Bool {
        var group = 0, doubleColon = false
        var previousColon = false
        for i in run {
            if bytes[i] == UInt8(ascii: ":") {
                if previousColon { doubleColon = true }
                previousColon = true
                group = 0
            } else {
                previousColon = false
                group += 1
                if group > 4 { return false }
            }
        }
        return doubleColon || colons == 7
    }

    /// For a syntactically valid hostname whose last label is alphabetic: whether it is internal
    /// (a label listed in `[host-labels]`, or a numbered first label such as `db01` or `web-3`).
    /// Nil when the run is not a hostname.
    private static func hostname(_ bytes: [UInt8], _ run: Range<Int>, hostLabels: Set<String>) -> Bool? {
        var labels: [Range<Int>] = []
        var start = run.lowerBound
        for i in run where bytes[i] == UInt8(ascii: ".") {
            labels.append(start..<i)
            start = i + 1
        }
        labels.append(start..<run.upperBound)
        guard labels.count >= 2 else { return nil }
        for label in labels {
            guard !label.isEmpty, bytes[label.lowerBound] != UInt8(ascii: "-"), bytes[label.upperBound - 1] != UInt8(ascii: "-")
            else { return nil }
        }
        guard let last = labels.last, last.count >= 2, last.allSatisfy({ isLetter(bytes[$0]) }) else { return nil }
        if isNumberedNode(bytes, labels[0]) { return true }
        return labels.contains { hostLabels.contains(lowered(bytes, $0)) }
    }

    /// `db01`, `web-3`, `ip-10-0-0-1`: a machine, not a product.
    private static func isNumberedNode(_ bytes: [UInt8], _ label: Range<Int>) -> Bool {
        var i = label.lowerBound
        while i < label.upperBound, isLetter(bytes[i]) { i += 1 }
        let letters = i - label.lowerBound
        if letters == 2, lowered(bytes, label.lowerBound..<i) == "ip", i < label.upperBound, bytes[i] == UInt8(ascii: "-") {
            return (i + 1..<label.upperBound).allSatisfy { isDigit(bytes[$0]) || bytes[$0] == UInt8(ascii: "-") }
                && i + 1 < label.upperBound
        }
        if i < label.upperBound, bytes[i] == UInt8(ascii: "-") { i += 1 }
        return letters >= 2 && i < label.upperBound && (i..<label.upperBound).allSatisfy { isDigit(bytes[$0]) }
    }

    private static func isIdentifier(_ bytes: [UInt8], _ run: Range<Int>, snake: Bool, camel: Bool,
                                     identifierParts: Set<String>) -> Bool {
        var parts: [Range<Int>] = []
        var start = run.lowerBound
        for i in run where [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":")].contains(bytes[i]) {
            if i > start { parts.append(start..<i) }
            start = i + 1
        }
        if run.upperBound > start { parts.append(start..<run.upperBound) }
        func isNumber(_ part: Range<Int>) -> Bool { part.allSatisfy { isDigit(bytes[$0]) } }
        guard !parts.isEmpty, !parts.allSatisfy(isNumber) else { return false }
        let names = parts.map { lowered(bytes, $0) }
        if names.contains(where: { englishSecondParts.contains($0) }) { return false }
        if snake, parts.count >= 2 { return true }
        if parts.count >= 2 {
            if names.contains(where: { identifierParts.contains($0) }) { return true }
            // us-east-1, search-indexer-02: named parts ending in a number.
            if let last = parts.last, isNumber(last), parts.filter({ !isNumber($0) }).count >= 2 { return true }
        }
        guard camel else { return false }
        // camelCase: authService, PaymentsAPI — the last hump names infrastructure.
        for part in parts {
            var humpStart = part.lowerBound
            var humps = 0
            for i in part where i > part.lowerBound && isUpper(bytes[i]) && (isLower(bytes[i - 1]) || isDigit(bytes[i - 1])) {
                humps += 1
                humpStart = i
            }
            guard humps >= 1 else { continue }
            let last = lowered(bytes, humpStart..<part.upperBound)
            if last != "db", identifierParts.contains(last) { return true }
        }
        return false
    }
}
