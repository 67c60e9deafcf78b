import ChorusCLI
import Foundation
import Testing

/// A mistyped audience is a usage error (64) with "Did you mean", in every command that takes
/// one, not "nothing approved" (2), which sent people to approve an audience that does not exist.
@Suite("Unknown audiences")
struct UnknownAudienceTests {
    @Test func pullSaysUnknownAudienceWithASuggestionInTextAndJSON() throws {
        let h = try WorkflowHarness()
        #expect(h.open().status == 0)
        let pulled = h.read(["pull", "INC-2041", "suport"])
        #expect(pulled.status == 64, "\(pulled.stderr)")
        #expect(pulled.stderr.hasPrefix("Error: Unknown audience 'suport'\nDid you mean 'support'?"), "\(pulled.stderr)")
        let json = h.read(["pull", "INC-2041", "suport", "--format", "json"])
        #expect(json.status == 64, "\(json.stdout)")
        #expect(json.stdout.contains("\"kind\": \"usage\""), "\(json.stdout)")
        #expect(json.stdout.contains("Unknown audience 'suport'"), "\(json.stdout)")
        // A real audience with nothing approved is still "could not run".
        let nothing = h.read(["pull", "INC-2041", "support"])
        #expect(nothing.status == 2, "\(nothing.stderr)")
        #expect(nothing.stderr.contains("no approved support text for INC-2041 yet"))
    }

    @Test func publishSaysUnknownAudienceWithASuggestionAndRecordsNothing() throws {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:13:00Z"
        #expect(h.run(["approve", "INC-2041", "support"]).status == 0)
        let published = h.run(["publish", "INC-2041", "support", "custmer"])
        #expect(published.status == 64, "\(published.stderr)")
        #expect(published.stderr.hasPrefix("Error: Unknown audience 'custmer'\nDid you mean 'customer'?"), "\(published.stderr)")
        #expect(!h.read(["log", "INC-2041"]).stdout.contains("published"), "nothing was recorded")
    }
}
