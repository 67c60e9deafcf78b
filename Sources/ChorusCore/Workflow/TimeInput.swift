import ChorusSupport
import Foundation

/// Times as people type them on the command line, meaning what they mean to a person:
///
/// - `now`; `+15m`, `-10m`, `+1h30m`, `+2d` (relative to now, either way);
/// - a clock time `13:58` in the zone: for a time that has happened (`--started`, `--at`) the
///   most recent such time, for a time to come (`--next-update`, a window) the next one;
/// - a full date: ISO 8601 with zone (`2026-11-24T13:58:00Z`), or `2026-11-24 13:58` /
///   `2026-11-24T13:58` in the zone.
public enum TimeInput {
    /// Which way a clock time reaches from now.
    public enum Direction: Sendable {
        /// A time that has happened: the most recent such clock time.
        case past
        /// A time to come: the next such clock time.
        case future
    }

    /// A typed time and whether it was given with its full date (which confirms a time that
    /// would otherwise look like a typo).
    public struct Value: Sendable, Equatable {
        public var date: Date
        public var isFullDate: Bool
        /// Typed as a clock time alone (`06:00`): its day was inferred, so it may be a typo.
        public var isClockTime = false
    }

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var input: String
        /// Why, when it is more than "not a time".
        public var reason: String?

        public var description: String {
            if let reason { return reason }
            return "\"\(input)\" is not a time: expected now, +15m, -10m, +1h30m, a clock time such as 13:58, "
                + "or a full date such as 2026-11-24T13:58:00Z or \"2026-11-24 13:58\""
        }
    }

    /// The longest relative offset accepted: a year.
    static let maximumMinutes = 366 * 24 * 60

    public static func parse(_ text: String, now exactNow: Date, timeZone: TimeZone, direction: Direction) throws(ParseError) -> Value {
        let input = text.trimmingCharacters(in: .whitespaces)
        // People type minutes; a typed time keeps whole seconds, never the clock's fraction.
        let now = Date(timeIntervalSince1970: exactNow.timeIntervalSince1970.rounded(.down))
        if input.lowercased() == "now" { return Value(date: now, isFullDate: false) }
        if let sign = input.first, sign == "+" || sign == "-" {
            guard let minutes = durationMinutes(String(input.dropFirst())), minutes <= maximumMinutes else { throw ParseError(input: text) }
            return Value(date: now.addingTimeInterval(TimeInterval((sign == "-" ? -minutes : minutes) * 60)), isFullDate: false)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        if let clock = clockTime(input) {
            var components = calendar.dateComponents([.year, .month, .day], from: now)
            components.hour = clock.hour
            components.minute = clock.minute
            guard let today = calendar.date(from: components) else { throw ParseError(input: text) }
            try checkExists(components, as: today, typed: text, calendar: calendar)
            switch direction {
            case .past:
                let date = today > now ? calendar.date(byAdding: .day, value: -1, to: today) ?? today : today
                return Value(date: date, isFullDate: false, isClockTime: true)
            case .future:
                let date = today <= now ? calendar.date(byAdding: .day, value: 1, to: today) ?? today : today
                return Value(date: date, isFullDate: false, isClockTime: true)
            }
        }
        if let local = localDateTime(input) {
            guard let date = calendar.date(from: local) else { throw ParseError(input: text) }
            try checkExists(local, as: date, typed: text, calendar: calendar)
            return Value(date: date, isFullDate: true)
        }
        do { return Value(date: try ISO8601.parse(input), isFullDate: true) } catch {
            if case .outOfRange = error { throw ParseError(input: text, reason: error.description) }
            throw ParseError(input: text)
        }
    }

    /// A next update time must be soon and ahead: one already past is refused however it is
    /// typed; one more than `maximumNextUpdateHours` away is refused unless its full date was
    /// typed (a clock time that has passed today means tomorrow, which is rarely what was
    /// meant), and even a full date more than `maximumNextUpdateDays` away is refused (a typo
    /// such as 2062 for 2026 would otherwise put "by 1 Jan 2062" in every draft).
    public static let maximumNextUpdateHours = 12
    public static let maximumNextUpdateDays = 92

    public static func checkNextUpdate(_ value: Value, typed text: String, now: Date, clock: RenderClock) throws(ParseError) {
        let full = ISO8601.format(value.date, offsetSeconds: clock.timeZone.secondsFromGMT(for: value.date))
        if value.isFullDate {
            if value.date <= now {
                throw ParseError(input: text, reason: "\"\(text)\" is \(clock.absolute(value.date)), \(clock.relative(value.date)); "
                    + "a next update must be ahead. Give a time to come, such as +30m")
            }
            if value.date.timeIntervalSince(now) > Double(maximumNextUpdateDays) * 86_400 {
                throw ParseError(input: text, reason: "\"\(text)\" is \(clock.absolute(value.date)), \(clock.relative(value.date)); "
                    + "a next update more than \(maximumNextUpdateDays) days away is refused: check the date (the year?)")
            }
            return
        }
        if value.date <= now {
            throw ParseError(input: text, reason: "\"\(text)\" is \(clock.absolute(value.date)), which has already passed (it is \(clock.absolute(now))); "
                + "a next update must be ahead. Give a time to come, such as +30m")
        }
        let hours = value.date.timeIntervalSince(now) / 3600
        if hours > Double(maximumNextUpdateHours) {
            var reason = "\"\(text)\" is \(clock.absolute(value.date)), \(clock.relative(value.date))"
            if clockTime(text.trimmingCharacters(in: .whitespaces)) != nil {
                reason += " (\(text) has passed today, so it means tomorrow)"
            }
            reason += "; a next update more than \(maximumNextUpdateHours) hours away is refused unless you give its full date, such as \(full)"
            throw ParseError(input: text, reason: reason)
        }
    }

    /// A clock time that has happened is the most recent one; one that reaches more than
    /// `maximumPastClockHours` back (`06:00` typed at 05:32 is yesterday's) is refused unless its
    /// full date is given, as a next update that far ahead is — a typo for 05:00 would otherwise
    /// date a fact a day early.
    public static let maximumPastClockHours = 12

    public static func checkRecentPast(_ value: Value, typed text: String, now: Date, clock: RenderClock) throws(ParseError) {
        guard value.isClockTime, now.timeIntervalSince(value.date) > Double(maximumPastClockHours) * 3600 else { return }
        throw ParseError(input: text, reason: "\"\(text)\" is \(clock.absolute(value.date)), \(clock.relative(value.date)) (\(text) is still to come today, so it means yesterday); "
            + "a clock time more than \(maximumPastClockHours) hours back is refused unless you give its full date, such as \(fullDate(value.date, clock: clock))")
    }

    /// `date` as a full date in the clock's zone, for a message that asks for one.
    public static func fullDate(_ date: Date, clock: RenderClock) -> String {
        ISO8601.format(date, offsetSeconds: clock.timeZone.secondsFromGMT(for: date))
    }

    /// "15m", "1h", "1h30m", "90" (minutes), "2d"; nil for anything else or anything over a year.
    static func durationMinutes(_ text: String) -> Int? {
        guard !text.isEmpty, text.count <= 12 else { return nil }
        if let plain = Int(text) { return plain }
        var total = 0, number = "", sawUnit = false
        for ch in text {
            if ch.isASCII && ch.isNumber { number.append(ch); continue }
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

    /// A local time the clocks skip (02:30 on the night summer time starts in Europe/Berlin)
    /// does not exist; Foundation would quietly move it an hour on, so it is refused instead.
    private static func checkExists(_ wanted: DateComponents, as date: Date, typed text: String, calendar: Calendar) throws(ParseError) {
        let got = calendar.dateComponents([.hour, .minute], from: date)
        guard got.hour != wanted.hour || got.minute != wanted.minute else { return }
        let zone = calendar.timeZone.identifier
        throw ParseError(input: text, reason: "\"\(text)\" does not exist in \(zone): the clocks skip that time when they change "
            + "(it would be taken as \(String(format: "%02d:%02d", got.hour ?? 0, got.minute ?? 0))); give a time before or after the change")
    }

    private static func clockTime(_ text: String) -> (hour: Int, minute: Int)? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return (hour, minute)
    }

    /// `2026-11-24 13:58`, `2026-11-24T13:58` or with `:SS`, without a zone (the zone is --tz).
    private static func localDateTime(_ text: String) -> DateComponents? {
        let separators = text.filter { $0 == " " || $0 == "T" }
        guard separators.count == 1, let split = text.firstIndex(where: { $0 == " " || $0 == "T" }) else { return nil }
        let day = text[..<split], time = text[text.index(after: split)...]
        guard CalendarDate.isValid(String(day)) else { return nil }
        let dayParts = day.split(separator: "-").compactMap { Int($0) }
        let timeParts = time.split(separator: ":", omittingEmptySubsequences: false)
        guard dayParts.count == 3, (2...3).contains(timeParts.count), timeParts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let hour = Int(timeParts[0]), let minute = Int(timeParts[1]), (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        let second = timeParts.count == 3 ? Int(timeParts[2]) ?? 99 : 0
        guard (0...59).contains(second) else { return nil }
        return DateComponents(year: dayParts[0], month: dayParts[1], day: dayParts[2], hour: hour, minute: minute, second: second)
    }
}
