import ChorusSupport
import Foundation
import Testing

@Suite("ISO 8601 times")
struct ISO8601Tests {
    @Test func parsesUTCAndOffsets() throws {
        let utc = try ISO8601.parse("2026-11-25T09:03:00Z")
        #expect(utc.timeIntervalSince1970 == 1_795_597_380)
        #expect(try ISO8601.parse("2026-11-25T10:03:00+01:00") == utc)
        #expect(try ISO8601.parse("2026-11-25T04:03-05:00") == utc)
        #expect(try ISO8601.parse("2026-11-25T09:03:00.500Z").timeIntervalSince1970 == 1_795_597_380.5)
    }

    @Test func formatsRoundTrip() throws {
        let date = try ISO8601.parse("2024-02-29T23:59:59Z")
        #expect(ISO8601.format(date) == "2024-02-29T23:59:59Z")
        #expect(ISO8601.format(date, offsetSeconds: 3600) == "2024-03-01T00:59:59+01:00")
        #expect(ISO8601.format(date, offsetSeconds: -5 * 3600 - 1800) == "2024-02-29T18:29:59-05:30")
    }

    /// A fraction that rounds up to the next second moves to it; it is never written almost a
    /// second early ("09:03:00" for 09:03:00.9996).
    @Test func fractionsThatRoundUpKeepTheirSecond() throws {
        let base = try ISO8601.parse("2026-11-25T09:03:00Z").timeIntervalSince1970
        #expect(ISO8601.format(Date(timeIntervalSince1970: base + 0.9996)) == "2026-11-25T09:03:01Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: base + 59.9999)) == "2026-11-25T09:04:00Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: base + 0.9994)) == "2026-11-25T09:03:00.999Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: base + 0.25)) == "2026-11-25T09:03:00.250Z")
        #expect(ISO8601.format(Date(timeIntervalSince1970: base - 0.0001)) == "2026-11-25T09:03:00Z")
    }

    @Test(arguments: ["2026-11-25T09:03:00", "2026-11-25"])
    func refusesTimesWithoutZone(text: String) {
        #expect(throws: ISO8601.ParseError.missingZone(text)) { try ISO8601.parse(text) }
    }

    @Test(arguments: ["yesterday", "2026-13-01T00:00Z", "2026-02-30T00:00Z", "2026-11-25T25:00Z", "2026-11-25T09:03Zjunk"])
    func refusesNonsense(text: String) {
        #expect(throws: ISO8601.ParseError.self) { try ISO8601.parse(text) }
    }
}
