/// The string rules the schema states as `pattern`s, so any JSON Schema validator — with or
/// without format assertion — judges a file as `chorus validate` does. Each rule is decided
/// here once: the checker tests the same condition the pattern states.
enum SchemaPatterns {
    /// Text with at least one character that is not white space.
    static let nonBlank = #"\S"#

    /// RFC 3339 date-time: `2026-11-24T08:52:00Z`, `…08:52:00.250+01:00`. Seconds are required,
    /// 00–59 (no leap seconds); `T` and `Z` upper-case; the offset has its colon.
    static let dateTime = #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]+)?(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"#

    /// A calendar date `YYYY-MM-DD`.
    static let date = #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$"#

    /// An http or https link (the scheme in any case, as RFC 3986 allows), with no white space.
    static let url = #"^[Hh][Tt][Tt][Pp]([Ss])?://\S+$"#

    static func isNonBlank(_ text: String) -> Bool { !text.allSatisfy(\.isWhitespace) }

    /// Whether `text` has the shape `dateTime` states (the calendar is checked separately).
    static func isDateTime(_ text: String) -> Bool {
        let s = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= s.count && range.allSatisfy { s[$0] >= 48 && s[$0] <= 57 } }
        func at(_ i: Int, _ c: Character) -> Bool { i < s.count && s[i] == c.asciiValue }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + Int(s[$1] - 48) } }
        guard s.count >= 20, digits(0..<4), at(4, "-"), digits(5..<7), at(7, "-"), digits(8..<10), at(10, "T"),
              digits(11..<13), at(13, ":"), digits(14..<16), at(16, ":"), digits(17..<19) else { return false }
        guard (1...12).contains(number(5..<7)), (1...31).contains(number(8..<10)), number(11..<13) <= 23,
              number(14..<16) <= 59, number(17..<19) <= 59 else { return false }
        var i = 19
        if at(i, ".") {
            i += 1
            let start = i
            while i < s.count, s[i] >= 48, s[i] <= 57 { i += 1 }
            guard i > start else { return false }
        }
        if at(i, "Z") { return i + 1 == s.count }
        guard at(i, "+") || at(i, "-"), i + 6 == s.count, digits((i + 1)..<(i + 3)), at(i + 3, ":"), digits((i + 4)..<(i + 6)) else { return false }
        return number((i + 1)..<(i + 3)) <= 23 && number((i + 4)..<(i + 6)) <= 59
    }

    /// Whether `text` is a `YYYY-MM-DD` date with a month and day in range (the calendar is
    /// checked separately).
    static func isDate(_ text: String) -> Bool {
        let s = Array(text.utf8)
        guard s.count == 10, s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"),
              [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy({ s[$0] >= 48 && s[$0] <= 57 }) else { return false }
        let month = Int(s[5] - 48) * 10 + Int(s[6] - 48), day = Int(s[8] - 48) * 10 + Int(s[9] - 48)
        return (1...12).contains(month) && (1...31).contains(day)
    }

    /// Whether `text` is an http(s) link as `url` states.
    static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        let rest: Substring
        if lower.hasPrefix("https://") { rest = text.dropFirst(8) } else if lower.hasPrefix("http://") { rest = text.dropFirst(7) } else { return false }
        return !rest.isEmpty && !rest.contains(where: \.isWhitespace)
    }
}
