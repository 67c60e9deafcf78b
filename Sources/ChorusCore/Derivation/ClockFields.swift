import Foundation

/// The parts of a time that `RenderClock` words: year, month, day, hour, minute and weekday
/// (1 is Sunday), as the Gregorian calendar gives them in a zone.
struct ClockFields: Sendable, Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var weekday: Int

    static let components: Set<Calendar.Component> = [.year, .month, .day, .hour, .minute, .weekday]

    /// From calendar components (the defaults are never needed: a Gregorian calendar fills them).
    init(_ c: DateComponents) {
        year = c.year ?? 0
        month = c.month ?? 1
        day = c.day ?? 1
        hour = c.hour ?? 0
        minute = c.minute ?? 0
        weekday = c.weekday ?? 1
    }

    /// By arithmetic, `date` shifted by `offset` seconds (the zone's offset at `date`); nil unless
    /// the local time is a whole second in 1900...9999, where this equals the calendar's answer.
    init?(of date: Date, offset: Int) {
        let local = date.timeIntervalSince1970 + Double(offset)
        guard local >= -2_208_988_800, local < 253_402_300_800, local == local.rounded(.down) else { return nil }
        let seconds = Int(local)
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        hour = secondOfDay / 3_600
        minute = secondOfDay % 3_600 / 60
        weekday = ((days % 7 + 7) % 7 + 4) % 7 + 1 // 1970-01-01 was a Thursday (5)
        // Days to civil date (Howard Hinnant's algorithm).
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}
