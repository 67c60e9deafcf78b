import ChorusSupport
import Foundation

/// Times as people type them on the command line: `+15m`, `+1h30m`, `10:40` (the next such
/// clock time in the zone), or a full ISO 8601 time.
public enum TimeInput {
    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var input: String
        public var description: String {
            "\"\(input)\" is not a time: expected +15m, +1h, +1h30m, a clock time such as 10:40, or an ISO 8601 time such as 2026-11-24T10:40:00Z"
        }
    }

    public static func parse(_ text: String, now: Date, timeZone: TimeZone) throws(ParseError) -> Date {
        let input = text.trimmingCharacters(in: .whitespaces)
        if input.hasPrefix("+") {
            guard let minutes = durationMinutes(String(input.dropFirst())), minutes > 0, minutes <= maximumMinutes else {
                throw ParseError(input: text)
            }
            return now.addingTimeInterval(TimeInterval(minutes * 60))
        }
        if let clock = clockTime(input) {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = timeZone
            var components = calendar.dateComponents([.year, .month, .day], from: now)
            components.hour = clock.hour
            components.minute = clock.minute
            guard var date = calendar.date(from: components) else { throw ParseError(input: text) }
            if date < now.addingTimeInterval(-60) { date = calendar.date(byAdding: .day, value: 1, to: date) ?? date }
            return date
        }
        do { return try ISO8601.parse(input) } catch { throw ParseError(input: text) }
    }

    /// The longest offset accepted: a year.
    static let maximumMinutes = 366 * 24 * 60

    /// "15m", "1h", "1h30m", "90" (minutes), "2d"; nil for anything else or anything over a year.
    static func durationMinutes(_ text: String) -> Int? {
        guard text.count <= 12 else { return nil }
        if let plain = Int(text) { return plain }
        var total = 0, number = "", sawUnit = false
        for ch in text {
            if ch.isNumber { number.append(ch); continue }
            guard let value = Int(number) else { return nil }
            switch ch {
            case "m": total += min(value, maximumMinutes + 1)
            case "h": total += min(value, maximumMinutes) * 60
            case "d": total += min(value, maximumMinutes) * 24 * 60
            default: return nil
            }
            number = ""
            sawUnit = true
        }
        return number.isEmpty && sawUnit ? total : nil
    }

    private static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2,
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }
}
