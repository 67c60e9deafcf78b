import ChorusSupport
import Foundation

/// The reference time and zone for wording times: absolute in `timeZone`, relative to `now`.
/// Passing `now` explicitly makes every draft deterministic.
public struct RenderClock: Sendable, Equatable {
    public var now: Date {
        didSet { today = fields(now) }
    }
    public var timeZone: TimeZone {
        didSet {
            calendar.timeZone = timeZone
            today = fields(now)
        }
    }
    /// A Gregorian calendar in `timeZone`, made once: creating calendars is costly.
    private var calendar: Calendar
    /// `now`'s fields, which every absolute time is compared with.
    private var today: ClockFields

    public init(now: Date, timeZone: TimeZone = TimeZone(identifier: "UTC") ?? .current) {
        self.now = now
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        today = ClockFields(of: now, offset: timeZone.secondsFromGMT(for: now))
            ?? ClockFields(calendar.dateComponents(ClockFields.components, from: now))
    }

    public static func == (lhs: RenderClock, rhs: RenderClock) -> Bool {
        lhs.now == rhs.now && lhs.timeZone == rhs.timeZone
    }

    /// The zone as readers see it: "UTC", or the zone's abbreviation at `date` ("CET", "CEST",
    /// "EST"; "GMT+9" where the zone has none in common use).
    public func zoneName(at date: Date) -> String {
        if timeZone.identifier == "UTC" || timeZone.identifier == "GMT" { return "UTC" }
        return ZoneAbbreviation.name(of: timeZone, at: date)
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `date`'s fields in `timeZone`: by arithmetic for whole seconds in 1900...9999 (where the
    /// Gregorian calendar is the proleptic one), from the calendar otherwise.
    private func fields(_ date: Date) -> ClockFields {
        ClockFields(of: date, offset: timeZone.secondsFromGMT(for: date))
            ?? ClockFields(calendar.dateComponents(ClockFields.components, from: date))
    }

    /// "09:40 UTC" when `date` falls on the same day as `now`, else "Tue 24 Nov 09:40 UTC"
    /// (with the year when it differs).
    public func absolute(_ date: Date) -> String {
        let c = fields(date)
        let clock = pad(c.hour) + ":" + pad(c.minute) + " " + zoneName(at: date)
        if c.year == today.year && c.month == today.month && c.day == today.day { return clock }
        return self.date(c) + " " + clock
    }

    /// Two times as the ends of a span, for "between …": "13:40 and 15:00 UTC" today,
    /// "10:05 and 11:40 UTC on Wed 18 Nov" on another day, and both in full when the days (or
    /// the zone's name) differ: "Thu 12 Nov 23:20 UTC and Fri 13 Nov 01:10 UTC".
    public func span(_ start: Date, _ end: Date) -> String {
        let a = fields(start), b = fields(end)
        let zone = zoneName(at: end)
        guard a.year == b.year && a.month == b.month && a.day == b.day && zoneName(at: start) == zone else {
            return absolute(start) + " and " + absolute(end)
        }
        let times = pad(a.hour) + ":" + pad(a.minute) + " and " + pad(b.hour) + ":" + pad(b.minute) + " " + zone
        if a.year == today.year && a.month == today.month && a.day == today.day { return times }
        return times + " on " + date(a)
    }

    /// "Tue 24 Nov" (with the year when it is not `now`'s year).
    public func date(_ date: Date) -> String {
        self.date(fields(date))
    }

    private func date(_ c: ClockFields) -> String {
        var text = Self.dayNames[(c.weekday - 1) % 7] + " \(c.day) " + Self.monthNames[(c.month - 1) % 12]
        if c.year != today.year { text += " \(c.year)" }
        return text
    }

    /// "in 15 minutes", "25 minutes ago", "now", "in 1 hour 5 minutes", "in 2 days".
    public func relative(_ date: Date) -> String {
        let seconds = date.timeIntervalSince(now)
        let minutes = Int((abs(seconds) / 60).rounded())
        if minutes == 0 { return "now" }
        let span = Self.duration(minutes: minutes)
        return seconds > 0 ? "in " + span : span + " ago"
    }

    /// "OVERDUE by 5 minutes" when `due` has passed, else nil.
    public func overdue(_ due: Date) -> String? {
        guard due < now else { return nil }
        return "OVERDUE by " + Self.duration(minutes: max(1, Int((now.timeIntervalSince(due) / 60).rounded())))
    }

    /// "45 minutes", "1 hour", "1 hour 48 minutes", "2 days 3 hours".
    public static func duration(minutes: Int) -> String {
        func unit(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
        if minutes < 60 { return unit(minutes, "minute") }
        if minutes < 48 * 60 {
            let hours = minutes / 60, rest = minutes % 60
            return rest == 0 ? unit(hours, "hour") : unit(hours, "hour") + " " + unit(rest, "minute")
        }
        let days = minutes / (24 * 60), hours = minutes % (24 * 60) / 60
        return hours == 0 ? unit(days, "day") : unit(days, "day") + " " + unit(hours, "hour")
    }

    private func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
