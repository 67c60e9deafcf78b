import ChorusCLI
import Foundation
import Testing

/// What a mistyped value on the command line is told (QA #19): the same mistake gets the same
/// exit status however it is typed, the message says where, and only what is at fault.
@Suite("Errors in typed values")
struct TypedInputErrorTests {
    /// A store with INC-2041 open at 09:12 UTC (next update 09:40).
    static func opened() throws -> WorkflowHarness {
        let h = try WorkflowHarness()
        _ = h.open()
        return h
    }

    @Test func aBlankAsIsAUsageErrorEvenWithChorusAuthorSet() throws {
        let h = try Self.opened()
        let result = chorus(["note", "INC-2041", "Called the provider.", "--as", "   ", "--store", h.store, "--now", h.now],
                            environment: ["CHORUS_AUTHOR": "bob", "CHORUS_REPLAY": "1"])
        #expect(result.status == 64, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: --as needs a name: say who is writing"), "\(result.stderr)")
        #expect(!h.read(["log", "INC-2041"]).stdout.contains("bob"), "nothing was written as CHORUS_AUTHOR")
        let fromEnvironment = chorus(["note", "INC-2041", "Called the provider.", "--store", h.store, "--now", h.now],
                                     environment: ["CHORUS_AUTHOR": "bob", "CHORUS_REPLAY": "1"])
        #expect(fromEnvironment.status == 0, "without --as, CHORUS_AUTHOR writes: \(fromEnvironment.stderr)")
    }

    @Test func aNextUpdateThatHasPassedIsAUsageErrorAsAClockTimeAndAsAFullDate() throws {
        let h = try Self.opened()
        let clock = h.run(["update", "INC-2041", "--next-update", "09:00"])
        let full = h.run(["update", "INC-2041", "--next-update", "2026-11-24T09:00:00Z"])
        #expect(clock.status == 64, "\(clock.stderr)")
        #expect(full.status == 64, "\(full.stderr)")
        #expect(full.stderr.contains("--next-update: \"2026-11-24T09:00:00Z\" is 09:00 UTC, 12 minutes ago; a next update must be ahead"), "\(full.stderr)")
        let far = h.run(["update", "INC-2041", "--next-update", "9999-12-31T23:59:59Z"])
        #expect(far.status == 64, "\(far.stderr)")
        #expect(far.stderr.contains("more than 92 days away is refused"), "\(far.stderr)")
        #expect(h.read(["show", "INC-2041"]).stdout.contains("revision 1"), "nothing was written")
    }

    @Test func aStatusOfAnotherKindIsTheOnlyProblemReported() throws {
        let h = try Self.opened()
        let result = h.run(["update", "INC-2041", "--status", "completed"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("at $.status: \"completed\" is not a status of an incident"), "\(result.stderr)")
        #expect(!result.stderr.contains("$.fix"), "\(result.stderr)")
        #expect(!result.stderr.contains("pastSummary"), "\(result.stderr)")
        #expect(result.stderr.contains("(1 problem)"), "\(result.stderr)")
    }

    /// `--help` TIMES says times accept +15m; --now does too (an offset from the clock), and a
    /// full date in --tz, but not a clock time alone, whose day nothing here decides.
    @Test func nowTakesAnOffsetOrAFullDateButNotAClockTimeAlone() throws {
        let h = try Self.opened()
        let ahead = chorus(["show", "INC-2041", "--store", h.store, "--now", "+2h"])
        #expect(ahead.status == 0, "\(ahead.stderr)")
        let local = chorus(["show", "INC-2041", "--store", h.store, "--now", "2026-11-24 10:12", "--tz", "Europe/Berlin"])
        #expect(local.stdout.contains("last updated: 10:12 CET (now)"), "\(local.stdout)\(local.stderr)")
        let clock = chorus(["show", "INC-2041", "--store", h.store, "--now", "13:58"])
        #expect(clock.status == 64)
        #expect(clock.stderr.hasPrefix("Error: --now: \"13:58\" is a clock time without its day: expected a full date"), "\(clock.stderr)")
        let nonsense = chorus(["show", "INC-2041", "--store", h.store], environment: ["CHORUS_NOW": "soon"])
        #expect(nonsense.status == 64)
        #expect(nonsense.stderr.hasPrefix("Error: CHORUS_NOW: \"soon\" is not a time: expected"), "\(nonsense.stderr)")
    }

    /// Times in a refusal are in the zone they were typed in, not UTC (QA #19).
    @Test func aRefusedTimeIsShownInTheZoneItWasTypedIn() throws {
        let h = try Self.opened() // started 08:52 UTC = 09:52 in Berlin
        let result = chorus(["update", "INC-2041", "--detected", "2026-11-24 09:40", "--tz", "Europe/Berlin",
                             "--store", h.store, "--now", h.now, "--as", "dana"], environment: ["CHORUS_REPLAY": "1"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("detected (2026-11-24T09:40:00+01:00) is before started (2026-11-24T09:52:00+01:00)"), "\(result.stderr)")
        let utc = h.run(["update", "INC-2041", "--detected", "2026-11-24 08:40"])
        #expect(utc.stderr.contains("detected (2026-11-24T08:40:00Z) is before started (2026-11-24T08:52:00Z)"), "\(utc.stderr)")
    }

    @Test func brokenJSONForAListSaysWhereItBreaks() throws {
        let h = try Self.opened()
        let result = h.run(["set", "INC-2041", "impact.canDo", "[\"Pay by PayPal\","])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Error: impact.canDo (list of text) is not valid JSON: at 1:18: "), "\(result.stderr)")
    }
}
