import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// The incident workflow end to end, in process, in a scratch store.
struct WorkflowHarness {
    /// The store's folder, removed when the test's last copy of the harness goes away.
    let scratch: Scratch
    let store: String
    var now = "2026-11-24T09:12:00Z"

    init() throws {
        scratch = try Repo.scratch()
        store = scratch.path
    }

    func run(_ arguments: [String], as author: String? = "dana", stdin: String = "") -> ChorusCommandLine.Result {
        var args = arguments + ["--store", store, "--now", now]
        if let author { args += ["--as", author] }
        // A fixed timeline: writes take --now (replayed) instead of the real clock.
        return chorus(args, stdin: stdin, environment: ["CHORUS_REPLAY": "1"])
    }

    func read(_ arguments: [String]) -> ChorusCommandLine.Result {
        chorus(arguments + ["--store", store, "--now", now])
    }

    func open(_ example: String = "checkout-investigating.json") -> ChorusCommandLine.Result {
        run(["open", "--from", Repo.path("examples/\(example)")])
    }
}

@Suite("Incident workflow")
struct WorkflowTests {
    @Test func openRecordsRevisionOneAndRefusesASecondOpen() throws {
        let h = try WorkflowHarness()
        let opened = h.open()
        #expect(opened.status == 0, "\(opened.stderr)")
        #expect(opened.stdout.hasPrefix("INC-2041: opened at revision 1 by dana"))
        let again = h.open()
        #expect(again.status == 2)
        #expect(again.stderr.contains("incident \"INC-2041\" already exists"))
    }

    /// QA #19: log and pull give exact times at the zone's offset, beside drafts in that zone
    /// (they were always UTC: 04:32Z next to "05:32 CET").
    @Test func logAndPullGiveTimesInTheZone() throws {
        let h = try WorkflowHarness() // opened 09:12 UTC
        _ = h.open()
        #expect(h.run(["approve", "INC-2041", "customer"]).status == 0)
        let log = chorus(["log", "INC-2041", "--store", h.store, "--now", h.now, "--tz", "Europe/Berlin"])
        #expect(log.stdout.hasPrefix("#1  2026-11-24T10:12:00+01:00  dana"), "\(log.stdout)")
        let pull = chorus(["pull", "INC-2041", "customer", "--store", h.store, "--now", h.now, "--tz", "Europe/Berlin"])
        #expect(pull.stderr.contains("approved by dana at 2026-11-24T10:12:00+01:00 for revision 1"), "\(pull.stderr)")
        #expect(h.read(["log", "INC-2041"]).stdout.hasPrefix("#1  2026-11-24T09:12:00Z  dana"), "UTC stays as it was")
    }

    /// QA #20: engineering labels hypotheses itself; a typed "Hypothesis:" is not doubled.
    @Test func aTypedHypothesisLabelIsNotDoubled() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        #expect(h.run(["hypothesis", "INC-2041", "Hypothesis: the cache is cold"]).status == 0)
        let text = h.read(["get", "INC-2041", "hypotheses"]).stdout
        #expect(text.contains("\"the cache is cold\""), "\(text)")
        #expect(!text.contains("Hypothesis: the cache"), "\(text)")
        let engineering = h.read(["render", "--incident", "INC-2041", "--audience", "engineering", "--format", "text"]).stdout
        #expect(!engineering.lowercased().contains("hypothesis: hypothesis"), "\(engineering)")
    }

    @Test func writesWithoutAnAuthorAreRefused() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        let result = h.run(["fact", "INC-2041", "x", "--source", "support"], as: nil)
        #expect(result.status == 64)
        #expect(result.stderr.contains("Pass --as NAME or set CHORUS_AUTHOR"))
        let withEnvironment = chorus(["fact", "INC-2041", "Support sees fewer reports", "--source", "support", "--store", h.store, "--now", h.now],
                                     environment: ["CHORUS_AUTHOR": "priya", "CHORUS_REPLAY": "1"])
        #expect(withEnvironment.status == 0, "\(withEnvironment.stderr)")
        #expect(withEnvironment.stdout.contains("revision 2 by priya"))
    }

    @Test func factsHypothesesStepsAndComponentsGetIdsAndRevisions() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:13:00Z"
        #expect(h.run(["fact", "INC-2041", "The callback change rejects old keys", "--source", "engineering"]).stdout.contains("recorded F3"))
        #expect(h.run(["hypothesis", "INC-2041", "The key rotation is incomplete"]).stdout.contains("recorded H3"))
        #expect(h.run(["rule-out", "INC-2041", "H2"]).status == 0)
        #expect(h.run(["confirm", "INC-2041", "H1"]).status == 0)
        let badHypothesis = h.run(["confirm", "INC-2041", "H9"])
        #expect(badHypothesis.status == 2)
        #expect(badHypothesis.stderr.contains("no hypothesis \"H9\""))
        #expect(h.run(["step", "INC-2041", "Roll back the release", "--owner", "Marco Silva"]).stdout.contains("recorded S3"))
        #expect(h.run(["step", "INC-2041", "S3", "--state", "done"]).status == 0)
        #expect(h.run(["component", "INC-2041", "payments-callback", "--status", "operational"]).status == 0)
        let newComponent = h.run(["component", "INC-2041", "ledger", "--status", "degraded_performance"])
        #expect(newComponent.status == 1)
        #expect(newComponent.stderr.contains("give its public name with --public NAME"))
        #expect(h.run(["follow-up", "INC-2041", "Alert on callback rejections", "--owner", "Aiko Tanaka", "--due", "2026-12-01"]).status == 0)
        let state = try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").snapshot().snapshot.state)
        #expect(state.facts.map(\.id) == ["F1", "F2", "F3"])
        #expect(state.hypotheses.map(\.state) == [.confirmed, .ruledOut, .open])
        #expect(state.steps.first { $0.id == "S3" }?.state == .done)
        #expect(state.components.first?.status == .operational)
        #expect(state.followUps.count == 1)
        #expect(state.lastUpdatedAt == (try ISO8601.parse("2026-11-24T09:13:00Z")))
    }

    @Test func updateValidatesBeforeWriting() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:50:00Z"
        // A confirmed ETA without a time breaks a validation rule: the change is refused, nothing written.
        let refused = h.run(["update", "INC-2041", "--status", "identified", "--eta-confidence", "confirmed"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the change would make the state invalid"))
        #expect(refused.stderr.contains("at $.eta.at: a confirmed ETA needs a time"))
        #expect(h.read(["log", "INC-2041"]).stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 1)
        // Overdue (the next update was due 09:40): a change now must promise a new next update,
        // or its drafts would say "updated 09:50, next update by 09:40".
        let overdue = h.run(["fact", "INC-2041", "Two more tickets", "--source", "support"])
        #expect(overdue.status == 1)
        #expect(overdue.stderr.contains("at $.nextUpdateAt: the next update (2026-11-24T09:40:00Z) is before the last update (2026-11-24T09:50:00Z)"))
        #expect(overdue.stderr.contains("chorus update ID --next-update +30m"))
        let accepted = h.run(["update", "INC-2041", "--status", "identified", "--next-update", "+30m", "--eta", "10:30"])
        #expect(accepted.status == 0, "\(accepted.stderr)")
        #expect(accepted.stdout.contains("changed: $.nextUpdateAt, $.status, $.eta"))
        #expect(accepted.stdout.contains("  --next-update +30m = 10:20 UTC, in 30 minutes (2026-11-24T10:20:00Z)"))
        #expect(accepted.stdout.contains("  --eta 10:30 = 10:30 UTC, in 40 minutes (2026-11-24T10:30:00Z)"))
        #expect(h.run(["fact", "INC-2041", "Two more tickets", "--source", "support"]).status == 0, "with a new promise, facts go in again")
        let show = h.read(["show", "INC-2041"])
        #expect(show.stdout.contains("next update:  10:20 UTC, in 30 minutes"))
        let resolved = h.run(["update", "INC-2041", "--status", "resolved"])
        #expect(resolved.status == 64)
        #expect(resolved.stderr.contains("use 'chorus resolve INC-2041'"))
    }

    @Test func aStaleExpectedRevisionIsAConflictNamingBothRevisions() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        _ = h.run(["fact", "INC-2041", "More reports", "--source", "support"])
        let result = h.run(["fact", "INC-2041", "Late", "--source", "support", "--expect-revision", "1"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("you started from revision 1, but the incident is now at revision 2"))
        #expect(result.stderr.contains("nothing was written"))
        #expect(h.read(["log", "INC-2041"]).stdout.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 2)
    }

    @Test func showAndListSayWhatIsBrokenAndWhenTheNextUpdateIsDue() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:55:00Z"
        let show = h.read(["show", "INC-2041"])
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("INC-2041  Card payments failing at checkout\n"))
        #expect(show.stdout.contains("broken:       Some customers cannot complete checkout"))
        #expect(show.stdout.contains("owner:        Dana Kim (comms: Priya Raman)"))
        #expect(show.stdout.contains("next update:  OVERDUE by 15 minutes (was due 09:40 UTC)"))
        let list = h.read(["list"])
        #expect(list.stdout.contains("INC-2041  investigating  sev1  Dana Kim"))
        let unknown = h.read(["show", "INC-2014"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Did you mean \"INC-2041\"?"))
    }

    @Test func logAndDiffShowFieldLevelChanges() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        _ = h.run(["update", "INC-2041", "--workaround", "Pay with PayPal"])
        let log = h.read(["log", "INC-2041"])
        #expect(log.stdout.contains("#1  2026-11-24T09:12:00Z  dana  revision 1: opened"))
        #expect(log.stdout.contains("#2  2026-11-24T09:20:00Z  dana  revision 2: update --workaround"))
        let diff = h.read(["diff", "INC-2041", "1", "2"])
        #expect(diff.stdout.contains("$.workaround\n  - \"Customers can pay with PayPal or a gift card while we work on card payments.\"\n  + \"Pay with PayPal\""))
        #expect(h.read(["diff", "INC-2041", "1", "7"]).stderr.contains("no revision 7 of INC-2041"))
    }

    @Test func resolveRefusesWithTheMissingItemsThenResolves() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        let refused = h.run(["resolve", "INC-2041"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("cannot be resolved yet; 7 of 7 checks fail"))
        #expect(refused.stderr.contains("[ ] impact in the past tense: the resolved drafts need what customers could not do; chorus update ID --past-impact"))
        #expect(refused.stderr.contains("[ ] fix in place: components still affected: payments-callback (partial_outage)"))
        #expect(refused.stderr.contains("[ ] follow-up with an owner"))
        h.now = "2026-11-24T09:30:00Z"
        _ = h.run(["component", "INC-2041", "payments-callback", "--status", "operational"])
        _ = h.run(["update", "INC-2041", "--status", "monitoring", "--next-update", "+30m", "--fix", "The release was rolled back.",
                  "--past-impact", "Some customers could not pay by card."])
        _ = h.run(["confirm", "INC-2041", "H1"])
        _ = h.run(["follow-up", "INC-2041", "Test callback signatures with both keys", "--owner", "Marco Silva", "--due", "2026-12-01"])
        h.now = "2026-11-24T09:45:00Z"
        _ = h.run(["fact", "INC-2041", "No new checkout reports since 09:35", "--source", "support"])
        let early = h.run(["resolve", "INC-2041"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("[ ] monitoring held: monitoring for 15 of 30 minutes; wait 15 more minutes"))
        #expect(early.stderr.contains("[x] support reports dropping"))
        h.now = "2026-11-24T10:01:00Z"
        let resolved = h.run(["resolve", "INC-2041"])
        #expect(resolved.status == 0, "\(resolved.stderr)")
        let state = try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").snapshot().snapshot.state)
        #expect(state.status == .resolved)
        #expect(state.resolvedAt == (try ISO8601.parse("2026-11-24T10:01:00Z")))
        #expect(state.nextUpdateAt == nil)
    }

    @Test func retractAddsACorrectionThatEveryDraftCarries() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        let result = h.run(["retract", "INC-2041", "F2", "--correct", "The error rate rose to 12%, not 38%."])
        #expect(result.status == 0, "\(result.stderr)")
        let state = try #require(try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").snapshot().snapshot.state)
        #expect(!state.facts.contains { $0.id == "F2" })
        #expect(state.corrections.last?.retracts == "F2")
        #expect(state.corrections.last?.correct == "The error rate rose to 12%, not 38%.")
    }
}
