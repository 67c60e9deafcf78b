import Foundation

/// ISO 8601 / RFC 3339 times with an explicit zone, as stored in every Chorus file.
///
/// Written by hand rather than with a formatter: formatters are locale- and platform-sensitive,
/// and a time without a zone must be refused with a clear message, not guessed.
public enum ISO8601 {
    public enum ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        case malformed(String)
        case missingZone(String)
        case outOfRange(String)

        public var description: String {
            switch self {
            case .malformed(let text):
                return "\"\(text)\" is not an ISO 8601 time: expected YYYY-MM-DDTHH:MM[:SS[.fff]] followed by Z or ±HH:MM"
            case .missingZone(let text):
                return "\"\(text)\" has no time zone: add Z (UTC) or an offset such as +01:00"
            case .outOfRange(let text):
                return "\"\(text)\" names a date or time that does not exist"
            }
        }
    }

    /// Parses `2026-11-25T09:03:00Z`, `2026-11-25T10:03+01:00`, `2026-11-25 09:03:00.250Z`.
    public static func parse(_ text: String) throws(ParseError) -> Date {
        let s = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= s.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                guard s[k] >= 48, s[k] <= 57 else { return nil }
                value = value * 10 + Int(s[k] - 48)
            }
            i += digits
            return value
        }
        func expect(_ byte: UInt8) -> Bool {
            guard i < s.count, s[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4), expect(UInt8(ascii: "-")), let month = number(2), expect(UInt8(ascii: "-")),
              let day = number(2) else { throw .malformed(text) }
        guard i < s.count, s[i] == UInt8(ascii: "T") || s[i] == UInt8(ascii: "t") || s[i] == UInt8(ascii: " ") else {
            if i == s.count { throw .missingZone(text) }
            throw .malformed(text)
        }
        i += 1
        guard let hour = number(2), expect(UInt8(ascii: ":")), let minute = number(2) else { throw .malformed(text) }
        var second = 0
        var fraction = 0.0
        if expect(UInt8(ascii: ":")) {
            guard let sec = number(2) else { throw .malformed(text) }
            second = sec
            if expect(UInt8(ascii: ".")) || expect(UInt8(ascii: ",")) {
                var scale = 0.1
                var any = false
                while i < s.count, s[i] >= 48, s[i] <= 57 {
                    fraction += Double(s[i] - 48) * scale
                    scale /= 10
                    i += 1
                    any = true
                }
                guard any else { throw .malformed(text) }
            }
        }
        var offsetSeconds = 0
        if i == s.count { throw .missingZone(text) }
        if expect(UInt8(ascii: "Z")) || expect(UInt8(ascii: "z")) {
            offsetSeconds = 0
        } else if i < s.count, s[i] == UInt8(ascii: "+") || s[i] == UInt8(ascii: "-") {
            let sign = s[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let oh = number(2) else { throw .malformed(text) }
            _ = expect(UInt8(ascii: ":"))
            guard let om = number(2) else { throw .malformed(text) }
            guard oh <= 23, om <= 59 else { throw .outOfRange(text) }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        } else {
            throw .malformed(text)
        }
        guard i == s.count else { throw .malformed(text) }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            throw .outOfRange(text)
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// `2026-11-25T09:03:00Z`: UTC, whole seconds (fractions only when present).
    public static func format(_ date: Date) -> String {
        format(date, offsetSeconds: 0)
    }

    /// The time written at a fixed offset from UTC, e.g. `2026-11-25T10:03:00+01:00`.
    public static func format(_ date: Date, offsetSeconds: Int) -> String {
        // Round to the millisecond first, so .9996 s becomes the next whole second rather than
        // losing its fraction and being written almost a second early.
        let interval = ((date.timeIntervalSince1970 + Double(offsetSeconds)) * 1000).rounded() / 1000
        guard interval.isFinite, interval.magnitude < 1e14 else { return interval < 0 ? "0000-01-01T00:00:00Z" : "9999-12-31T23:59:59Z" }
        let whole = interval.rounded(.down)
        let millis = Int(((interval - whole) * 1000).rounded())
        let total = Int(whole)
        var days = total / 86400
        var rest = total % 86400
        if rest < 0 { rest += 86400; days -= 1 }
        let (y, m, d) = civilFromDays(days)
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T"
            + pad(rest / 3600, 2) + ":" + pad(rest % 3600 / 60, 2) + ":" + pad(rest % 60, 2)
        if millis > 0 && millis < 1000 { text += "." + pad(millis, 3) }
        if offsetSeconds == 0 {
            text += "Z"
        } else {
            let sign = offsetSeconds < 0 ? "-" : "+"
            let magnitude = abs(offsetSeconds)
            text += sign + pad(magnitude / 3600, 2) + ":" + pad(magnitude % 3600 / 60, 2)
        }
        return text
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
