import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Times typed on the command line")
struct TimeInputTests {
    /// 14:12 UTC, as in the issue: the incident lead types times from their watch.
    let now = (try? ISO8601.parse("2026-11-24T14:12:00Z")) ?? Date()
    let utc = TimeZone(identifier: "UTC") ?? .current

    func parse(_ text: String, _ direction: TimeInput.Direction, zone: TimeZone? = nil) throws -> String {
        ISO8601.format(try TimeInput.parse(text, now: now, timeZone: zone ?? utc, direction: direction).date)
    }

    /// A time that has happened (`--started`, `--at`): the most recent such clock time.
    @Test(arguments: [("13:58", "2026-11-24T13:58:00Z"), ("14:12", "2026-11-24T14:12:00Z"), ("14:13", "2026-11-23T14:13:00Z"),
                      ("00:05", "2026-11-24T00:05:00Z"), ("23:50", "2026-11-23T23:50:00Z"), ("9:05", "2026-11-24T09:05:00Z")])
    func pastClockTimesAreTheMostRecentSuchTime(input: String, expected: String) throws {
        #expect(try parse(input, .past) == expected)
    }

    /// A time to come (`--next-update`, a window): the next such clock time.
    @Test(arguments: [("14:42", "2026-11-24T14:42:00Z"), ("14:12", "2026-11-25T14:12:00Z"), ("10:55", "2026-11-25T10:55:00Z"),
                      ("02:00", "2026-11-25T02:00:00Z")])
    func futureClockTimesAreTheNextSuchTime(input: String, expected: String) throws {
        #expect(try parse(input, .future) == expected)
    }

    /// Relative forms both ways and `now`, whatever the direction.
    @Test(arguments: [("now", "2026-11-24T14:12:00Z"), ("+15m", "2026-11-24T14:27:00Z"), ("-10m", "2026-11-24T14:02:00Z"),
                      ("+1h30m", "2026-11-24T15:42:00Z"), ("-2h", "2026-11-24T12:12:00Z"), ("+90", "2026-11-24T15:42:00Z"),
                      ("+2d", "2026-11-26T14:12:00Z"), ("NOW", "2026-11-24T14:12:00Z")])
    func relativeTimesAndNow(input: String, expected: String) throws {
        #expect(try parse(input, .past) == expected)
        #expect(try parse(input, .future) == expected)
    }

    /// Full dates: ISO 8601 with zone, or a date and clock time in the zone.
    @Test func fullDatesAreTakenAsTyped() throws {
        #expect(try parse("2026-11-24T11:00:00+01:00", .future) == "2026-11-24T10:00:00Z")
        #expect(try parse("2026-11-25 10:55", .future) == "2026-11-25T10:55:00Z")
        #expect(try parse("2026-11-20T08:00", .past) == "2026-11-20T08:00:00Z")
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(try parse("2026-11-25 10:55", .future, zone: berlin) == "2026-11-25T09:55:00Z")
        #expect(try TimeInput.parse("2026-11-25 10:55", now: now, timeZone: utc, direction: .future).isFullDate)
        #expect(try !TimeInput.parse("10:55", now: now, timeZone: utc, direction: .future).isFullDate)
    }

    /// QA #20: 02:30 on 28 March 2027 does not exist in Berlin (summer time starts); it was
    /// quietly taken as 03:30. The hour that repeats in autumn exists, and is kept.
    @Test func aLocalTimeTheClocksSkipIsRefused() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        do {
            _ = try TimeInput.parse("2027-03-28 02:30", now: now, timeZone: berlin, direction: .future)
            Issue.record("02:30 on 28 March 2027 does not exist in Berlin")
        } catch {
            #expect(error.description.contains("\"2027-03-28 02:30\" does not exist in Europe/Berlin: the clocks skip that time"), "\(error)")
            #expect(error.description.contains("(it would be taken as 03:30)"), "\(error)")
        }
        #expect(try parse("2027-03-28 03:30", .future, zone: berlin) == "2027-03-28T01:30:00Z")
        #expect(throws: Never.self) { try TimeInput.parse("2026-10-25 02:30", now: now, timeZone: berlin, direction: .past) }
    }

    @Test func clockTimesUseTheZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        // 14:12 UTC is 15:12 in Berlin: 15:00 there has just passed, 16:00 is ahead.
        #expect(try parse("15:00", .past, zone: berlin) == "2026-11-24T14:00:00Z")
        #expect(try parse("16:00", .future, zone: berlin) == "2026-11-24T15:00:00Z")
    }

    @Test(arguments: ["soon", "+", "-", "+15x", "25:00", "12:60", "1:2", "+m", "2026-13-01 10:00", "2026-11-24 10:00:61", "２:00"])
    func refusesNonsense(input: String) {
        #expect(throws: TimeInput.ParseError.self) { try TimeInput.parse(input, now: now, timeZone: utc, direction: .past) }
    }

    func checkNextUpdate(_ text: String) throws {
        let clock = RenderClock(now: now, timeZone: utc)
        let value = try TimeInput.parse(text, now: now, timeZone: utc, direction: .future)
        try TimeInput.checkNextUpdate(value, typed: text, now: now, clock: clock)
    }

    /// At 11:00, "--next-update 10:55" would promise an update 23 hours 55 minutes away: refused,
    /// naming the time it would mean and how to confirm it.
    @Test func aNextUpdateMoreThanTwelveHoursAwayNeedsItsFullDate() throws {
        #expect(throws: Never.self) { try checkNextUpdate("+30m") }
        #expect(throws: Never.self) { try checkNextUpdate("02:00") } // 11 hours 48 minutes
        #expect(throws: Never.self) { try checkNextUpdate("+12h") }
        do {
            try checkNextUpdate("14:05")
            Issue.record("14:05 at 14:12 should be refused")
        } catch {
            #expect("\(error)".contains("Wed 25 Nov 14:05 UTC"))
            #expect("\(error)".contains("14:05 has passed today, so it means tomorrow"))
            #expect("\(error)".contains("2026-11-25T14:05:00Z"))
        }
        #expect(throws: TimeInput.ParseError.self) { try checkNextUpdate("+13h") }
        #expect(throws: Never.self) { try checkNextUpdate("2026-11-25T14:05:00Z") }
        #expect(throws: Never.self) { try checkNextUpdate("2026-11-25 14:05") }
    }

    @Test func aNextUpdateThatHasPassedIsRefused() {
        #expect(throws: TimeInput.ParseError.self) { try checkNextUpdate("-5m") }
        #expect(throws: TimeInput.ParseError.self) { try checkNextUpdate("now") }
        // A full date too (QA #19: it was left to validation, exit 1 instead of 64).
        #expect(throws: TimeInput.ParseError.self) { try checkNextUpdate("2026-11-24T14:00:00Z") }
        #expect(throws: TimeInput.ParseError.self) { try checkNextUpdate("2026-11-24 14:12") }
    }

    /// QA #19: a full date gets past the 12-hour rule, but not without bound: a typo of the
    /// year would promise an update in every draft for a date decades away.
    @Test func aFullDateNextUpdateMonthsAwayIsRefused() {
        #expect(throws: Never.self) { try checkNextUpdate("2027-02-20T10:00:00Z") } // 88 days
        do {
            try checkNextUpdate("9999-12-31T23:59:59Z")
            Issue.record("a next update in the year 9999 should be refused")
        } catch {
            #expect("\(error)".contains("more than 92 days away is refused: check the date"), "\(error)")
        }
        #expect(throws: TimeInput.ParseError.self) { try checkNextUpdate("2062-11-25 14:05") }
    }
}
