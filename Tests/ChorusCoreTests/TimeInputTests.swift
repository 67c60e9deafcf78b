import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Times typed on the command line")
struct TimeInputTests {
    let now = (try? ISO8601.parse("2026-11-24T09:25:00Z")) ?? Date()
    let utc = TimeZone(identifier: "UTC") ?? .current

    @Test(arguments: [("+15m", "2026-11-24T09:40:00Z"), ("+1h", "2026-11-24T10:25:00Z"), ("+1h30m", "2026-11-24T10:55:00Z"),
                      ("10:40", "2026-11-24T10:40:00Z"), ("08:00", "2026-11-25T08:00:00Z"),
                      ("2026-11-24T11:00:00+01:00", "2026-11-24T10:00:00Z")])
    func parses(input: String, expected: String) throws {
        #expect(ISO8601.format(try TimeInput.parse(input, now: now, timeZone: utc)) == expected)
    }

    @Test func clockTimesUseTheZone() throws {
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        #expect(ISO8601.format(try TimeInput.parse("10:40", now: now, timeZone: berlin)) == "2026-11-24T09:40:00Z")
    }

    @Test(arguments: ["soon", "+", "+15x", "25:00", "-15m"])
    func refusesNonsense(input: String) {
        #expect(throws: TimeInput.ParseError.self) { try TimeInput.parse(input, now: now, timeZone: utc) }
    }
}
