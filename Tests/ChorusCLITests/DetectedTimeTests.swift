import ChorusCLI
import Foundation
import Testing

/// QA #15: an incident opened without --detected has no detected time. It used to default to
/// the start, so the review said "We detected the problem" at a moment nobody named, and an
/// error about the start blamed --detected, a flag the user never typed.
@Suite("A detected time nobody gave")
struct DetectedTimeTests {
    static let open = ["open", "INC-5200", "--title", "Logins failing", "--severity", "sev2",
                       "--impact", "Some customers cannot log in.", "--affected", "Customers on the web", "--lead", "Dana Kim",
                       "--next-update", "+30m"]

    @Test func openingWithoutDetectedLeavesItUnsetAndNoDraftClaimsIt() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-24T14:12:00Z"
        let opened = h.run(Self.open + ["--started", "13:58"])
        #expect(opened.status == 0, "\(opened.stderr)")
        let detected = h.read(["get", "INC-5200", "detectedAt"])
        #expect(!detected.stdout.contains("2026-11-24T13:58"), "\(detected.stdout)\(detected.stderr)")
        let engineering = h.read(["render", "--incident", "INC-5200", "--audience", "engineering", "--format", "text"])
        #expect(engineering.stdout.contains("Started: 13:58 UTC"), "\(engineering.stdout)\(engineering.stderr)")
        #expect(engineering.stdout.contains("Started: 13:58 UTC. Detected: not recorded."), "\(engineering.stdout)")

        // The review's timeline (a draft while the incident is open) has no detection line.
        let review = h.read(["render", "--incident", "INC-5200", "--audience", "review", "--format", "text"])
        #expect(review.stdout.contains("- 13:58 UTC: The problem started.\n- 14:12 UTC: Incident opened (Investigating)."), "\(review.stdout)\(review.stderr)")
        #expect(!review.stdout.contains("We detected the problem"), "\(review.stdout)")
    }

    @Test func aGivenDetectedTimeIsKeptAndShown() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-24T14:12:00Z"
        #expect(h.run(Self.open + ["--started", "13:58", "--detected", "14:03"]).status == 0)
        let engineering = h.read(["render", "--incident", "INC-5200", "--audience", "engineering", "--format", "text"])
        #expect(engineering.stdout.contains("Detected: 14:03 UTC"), "\(engineering.stdout)")
    }

    @Test func aStartInTheFutureBlamesStartedNotDetected() throws {
        var h = try WorkflowHarness()
        h.now = "2026-11-24T14:12:00Z"
        let result = h.run(Self.open + ["--started", "+10m"])
        #expect(result.status != 0)
        #expect(!result.stderr.contains("--detected"), "\(result.stderr)")
        #expect(result.stderr.contains("--started") || result.stderr.contains("$.startedAt"), "\(result.stderr)")
    }
}
