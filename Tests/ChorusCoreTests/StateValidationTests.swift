import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Incident state validation")
struct StateValidationTests {
    @Test func everyExampleIsValid() throws {
        let files = Repository.exampleFiles()
        #expect(files.count >= 5)
        for file in files {
            let text = try Repository.text(file)
            do {
                _ = try StateDocument.load(text)
            } catch {
                Issue.record("\(file.lastPathComponent): \(error.formatted(file: file.lastPathComponent))")
            }
        }
    }

    @Test func examplesCoverEveryKindAndTheRequiredSituations() throws {
        let states = try Repository.exampleFiles().map { try StateDocument.load(Repository.text($0)).state }
        #expect(Set(states.map(\.kind)) == Set(IncidentKind.allCases))
        #expect(states.contains { $0.status == .investigating })
        #expect(states.contains { $0.status == .identified })
        #expect(states.contains { $0.status == .monitoring && $0.workaround != nil })
        #expect(states.contains { $0.status == .resolved && $0.rootCause != nil && !$0.followUps.isEmpty })
    }

    /// Asserts that `edit` produces a problem at `path` whose message contains `message`.
    func expectProblem(_ edit: StateEdit, at path: String, contains message: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let problems = edit.problems()
        let match = problems.first { $0.path == path && $0.message.contains(message) }
        #expect(match != nil, "expected a problem at \(path) containing \"\(message)\"; got \(problems)", sourceLocation: sourceLocation)
        #expect(match?.line != nil, "every problem has a line", sourceLocation: sourceLocation)
    }

    @Test func nextUpdateIsRequiredWhileOpen() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        edit.object["nextUpdateAt"] = nil
        expectProblem(edit, at: "$.nextUpdateAt", contains: "an open incident needs a next update time")
    }

    @Test func nextUpdateIsNotRequiredOnceResolved() throws {
        let edit = try StateEdit(example: "search-resolved.json")
        #expect(edit.object["nextUpdateAt"] == nil)
        #expect(edit.problems().isEmpty)
    }

    @Test func resolvedNeedsAResolvedTimeAndAFix() throws {
        var edit = try StateEdit(example: "search-resolved.json")
        edit.object["resolvedAt"] = nil
        edit.object["fix"] = nil
        expectProblem(edit, at: "$.resolvedAt", contains: "needs a resolved time")
        expectProblem(edit, at: "$.fix", contains: "needs a fix")
    }

    @Test func timesMustRunStartedDetectedResolved() throws {
        var edit = try StateEdit(example: "search-resolved.json")
        edit.object["detectedAt"] = "2026-11-18T09:00:00Z"
        expectProblem(edit, at: "$.detectedAt", contains: "detected (2026-11-18T09:00:00Z) is before started")
        edit.object["detectedAt"] = "2026-11-18T10:12:00Z"
        edit.object["resolvedAt"] = "2026-11-18T10:10:00+00:00"
        expectProblem(edit, at: "$.resolvedAt", contains: "resolved (2026-11-18T10:10:00Z) is before detected")
    }

    /// The README's time rules, each refused by `validate` (and so by every write).
    @Test func anOpenIncidentPromisesItsNextUpdateAfterItsLastUpdate() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        edit.object["nextUpdateAt"] = "2026-11-24T09:05:00Z" // last updated 09:10
        expectProblem(edit, at: "$.nextUpdateAt", contains: "the next update (2026-11-24T09:05:00Z) is before the last update (2026-11-24T09:10:00Z)")
        edit.object["nextUpdateAt"] = "2026-11-24T09:10:00Z"
        #expect(edit.problems().isEmpty, "equal is allowed")
    }

    @Test func nothingIsUpdatedBeforeItStarts() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        edit.object["startedAt"] = "2026-11-24T09:11:00Z"
        expectProblem(edit, at: "$.startedAt", contains: "started (2026-11-24T09:11:00Z) is after the last update (2026-11-24T09:10:00Z)")
        // A scheduled maintenance is announced before its window starts.
        #expect(try StateEdit(example: "maintenance-database-upgrade.json").problems().isEmpty)
        var started = try StateEdit(example: "maintenance-database-upgrade.json")
        started.object["status"] = "in_progress"
        expectProblem(started, at: "$.startedAt", contains: "is after the last update")
    }

    /// When the impact returned lies between the resolution and the reopening; a reopening
    /// written before the field existed (no `impactReturnedAt`) still reads and is valid.
    @Test func theImpactReturnsBetweenTheResolutionAndTheReopening() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        edit.object["reopened"] = ["at": "2026-11-24T09:05:00Z", "reason": "Errors returned.", "resolvedAt": "2026-11-24T08:58:00Z"]
        #expect(edit.problems().isEmpty, "\(edit.problems())")
        edit.object["reopened"] = ["at": "2026-11-24T09:05:00Z", "reason": "Errors returned.", "resolvedAt": "2026-11-24T08:58:00Z",
                                   "impactReturnedAt": "2026-11-24T09:01:00Z"]
        #expect(edit.problems().isEmpty, "\(edit.problems())")
        edit.object["reopened"] = ["at": "2026-11-24T09:05:00Z", "reason": "Errors returned.", "resolvedAt": "2026-11-24T08:58:00Z",
                                   "impactReturnedAt": "2026-11-24T08:50:00Z"]
        expectProblem(edit, at: "$.reopened.impactReturnedAt", contains: "the impact returned (2026-11-24T08:50:00Z) before it was resolved (2026-11-24T08:58:00Z)")
        edit.object["reopened"] = ["at": "2026-11-24T09:05:00Z", "reason": "Errors returned.", "resolvedAt": "2026-11-24T08:58:00Z",
                                   "impactReturnedAt": "2026-11-24T09:06:00Z"]
        expectProblem(edit, at: "$.reopened.impactReturnedAt", contains: "after it was reopened (2026-11-24T09:05:00Z)")
    }

    @Test func whatHappenedIsNotTimedInTheFuture() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        var facts = edit.object["facts"] as? [[String: Any]] ?? []
        facts[1]["at"] = "2026-11-24T09:30:00Z"
        edit.object["facts"] = facts
        edit.object["detectedAt"] = "2026-11-24T09:20:00Z"
        expectProblem(edit, at: "$.facts[1].at", contains: "fact F2 (2026-11-24T09:30:00Z) is after the last update")
        expectProblem(edit, at: "$.detectedAt", contains: "detected (2026-11-24T09:20:00Z) is after the last update")
    }

    @Test func factAndHypothesisIdsAreUnique() throws {
        var edit = try StateEdit(example: "search-resolved.json")
        var facts = edit.object["facts"] as? [[String: Any]] ?? []
        facts[2]["id"] = "F1"
        edit.object["facts"] = facts
        var hypotheses = edit.object["hypotheses"] as? [[String: Any]] ?? []
        hypotheses[1]["id"] = "H1"
        edit.object["hypotheses"] = hypotheses
        expectProblem(edit, at: "$.facts[2].id", contains: "duplicate fact id \"F1\" (first used at $.facts[0])")
        expectProblem(edit, at: "$.hypotheses[1].id", contains: "duplicate hypothesis id \"H1\"")
    }

    @Test func followUpsNeedAnOwner() throws {
        var edit = try StateEdit(example: "search-resolved.json")
        var followUps = edit.object["followUps"] as? [[String: Any]] ?? []
        followUps[1]["owner"] = "  "
        edit.object["followUps"] = followUps
        expectProblem(edit, at: "$.followUps[1].owner", contains: "must not be empty or blank")
        followUps[1]["owner"] = nil
        edit.object["followUps"] = followUps
        expectProblem(edit, at: "$.followUps[1].owner", contains: "missing required key \"owner\"")
    }

    /// QA #20: a follow-up due decades before the incident (1999 for 2026) is a typo.
    @Test func aFollowUpIsNotDueBeforeTheIncidentStarted() throws {
        var edit = try StateEdit(example: "search-resolved.json")
        var followUps = edit.object["followUps"] as? [[String: Any]] ?? []
        followUps[0]["due"] = "1999-01-01"
        edit.object["followUps"] = followUps
        expectProblem(edit, at: "$.followUps[0].due", contains: "due 1999-01-01 is before the incident started")
        #expect(try StateEdit(example: "search-resolved.json").problems().isEmpty)
    }

    /// QA #20: one message for a malformed time in a file, whether or not the parser took it.
    @Test func aMalformedTimeGetsTheRFC3339Message() throws {
        for text in ["99999-01-01T00:00:00Z", "2026-11-24T08:52Z", "yesterday"] {
            var edit = try StateEdit(example: "checkout-investigating.json")
            edit.object["startedAt"] = text
            expectProblem(edit, at: "$.startedAt", contains: "\"\(text)\" is not an RFC 3339 time: expected YYYY-MM-DDTHH:MM:SS")
        }
    }

    @Test func aConfirmedETANeedsATime() throws {
        var edit = try StateEdit(example: "checkout-identified.json")
        edit.object["eta"] = ["confidence": "confirmed"]
        expectProblem(edit, at: "$.eta.at", contains: "a confirmed ETA needs a time")
        edit.object["eta"] = ["confidence": "estimate"]
        #expect(edit.problems().isEmpty)
    }

    @Test func componentStatusComesFromTheList() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        var components = edit.object["components"] as? [[String: Any]] ?? []
        components[0]["status"] = "degraded"
        edit.object["components"] = components
        expectProblem(edit, at: "$.components[0].status",
                      contains: "\"degraded\" is not allowed here; expected one of \"operational\", \"degraded_performance\", \"partial_outage\", \"major_outage\", \"under_maintenance\". Did you mean \"degraded_performance\"?")
    }

    @Test func unknownKeysSuggestTheNearestKnownKey() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        edit.object["nextUpdateAT"] = edit.object["nextUpdateAt"]
        edit.object["nextUpdateAt"] = nil
        var roles = edit.object["roles"] as? [String: Any] ?? [:]
        roles["favouriteColour"] = "blue"
        edit.object["roles"] = roles
        expectProblem(edit, at: "$.nextUpdateAT", contains: "unknown key \"nextUpdateAT\" in the incident state. Did you mean \"nextUpdateAt\"?")
        expectProblem(edit, at: "$.roles.favouriteColour", contains: "unknown key \"favouriteColour\" in the roles; known keys: incidentLead")
        // The rules still run alongside the unknown keys: all problems at once.
        expectProblem(edit, at: "$.nextUpdateAt", contains: "needs a next update time")
    }

    @Test func statusMustFitTheKind() throws {
        var edit = try StateEdit(example: "maintenance-database-upgrade.json")
        edit.object["status"] = "investigating"
        expectProblem(edit, at: "$.status", contains: "\"investigating\" is not a status of a maintenance; expected one of \"scheduled\"")
    }

    @Test func timesNeedAZone() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        edit.object["startedAt"] = "2026-11-24T08:52:00"
        expectProblem(edit, at: "$.startedAt", contains: "has no time zone: add Z (UTC) or an offset")
    }

    @Test func wrongTypesAndMissingKeysAreReportedTogether() throws {
        var edit = try StateEdit(example: "checkout-investigating.json")
        edit.object["title"] = 42
        edit.object["roles"] = nil
        edit.object["severity"] = "critical"
        let problems = edit.problems()
        #expect(problems.contains { $0.path == "$.title" && $0.message == "expected a string, found a number" })
        #expect(problems.contains { $0.path == "$.roles" && $0.message.hasPrefix("missing required key \"roles\"") })
        #expect(problems.contains { $0.path == "$.severity" && $0.message.contains("expected one of \"sev1\"") })
    }

    @Test func malformedJSONReportsLineAndColumn() {
        do {
            _ = try StateDocument.load("{\n  \"id\": \"INC-1\",\n  \"title\": \"x\",\n}\n")
            Issue.record("expected a syntax error")
        } catch {
            #expect(error.formatted(file: "s.json") == ["s.json:4:1: error: trailing comma before '}' is not allowed in JSON"])
        }
    }

    @Test func encodingRoundTrips() throws {
        for file in Repository.exampleFiles() {
            let state = try StateDocument.load(Repository.text(file)).state
            let encoded = try StateCoding.encode(state)
            #expect(try StateDocument.load(encoded).state == state, "\(file.lastPathComponent)")
        }
    }
}
