@testable import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Dana renders the customer draft, Marco adds a workaround, Dana approves: she must approve
/// what she read, not Marco's text unseen.
@Suite("Approve what was read")
struct ApproveWhatWasReadTests {
    static func fingerprint(in stderr: String, audience: String) -> String? {
        stderr.split(separator: "\n").first { $0.hasPrefix("\(audience): fingerprint ") }
            .map { String($0.dropFirst("\(audience): fingerprint ".count).prefix(DraftFingerprint.length)) }
    }

    func entries(_ h: WorkflowHarness) throws -> [JournalEntry] {
        try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").entries()
    }

    @Test func aDraftThatChangedSinceItWasReadIsRefusedWithTheDifference() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let rendered = h.read(["render", "--incident", "INC-2041", "--audience", "customer"])
        let read = try #require(Self.fingerprint(in: rendered.stderr, audience: "customer"), "\(rendered.stderr)")
        #expect(rendered.stderr.contains("approve it with: chorus approve INC-2041 customer --fingerprint \(read)"))
        // Marco changes the workaround in the meantime.
        #expect(h.run(["update", "INC-2041", "--workaround", "Customers can pay by bank transfer."], as: "marco").status == 0)
        let refused = h.run(["approve", "INC-2041", "customer", "--fingerprint", read])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the customer draft of INC-2041 changed since you read it (fingerprint \(read)"), "\(refused.stderr)")
        #expect(refused.stderr.contains("  - What you can do meanwhile: Customers can pay with PayPal or a gift card"), "\(refused.stderr)")
        #expect(refused.stderr.contains("  + What you can do meanwhile: Customers can pay by bank transfer."))
        let lines = refused.stderr.split(separator: "\n").map(String.init)
        let removed = lines.firstIndex { $0.hasPrefix("  - What you can do meanwhile:") }
        let added = lines.firstIndex { $0.hasPrefix("  + What you can do meanwhile:") }
        #expect(removed.map { $0 + 1 } == added, "what was read comes first, then what replaced it: \(refused.stderr)")
        #expect(try entries(h).allSatisfy { !$0.isApproval }, "nothing was approved")
        // Read again, approve what was read: the text approved is shown.
        let again = h.read(["render", "--incident", "INC-2041", "--audience", "customer"])
        let current = try #require(Self.fingerprint(in: again.stderr, audience: "customer"))
        #expect(current != read)
        let approved = h.run(["approve", "INC-2041", "customer", "--fingerprint", current])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("==== customer draft approved (revision 2, fingerprint \(current)) ===="))
        #expect(approved.stdout.contains("Customers can pay by bank transfer."))
        #expect(try entries(h).last?.fingerprint == current)
    }

    /// QA #19: the refusal's difference is shown in the zone the approver read the draft in
    /// (it was UTC: "updated 09:20 UTC" beside the "10:20 CET" they had read).
    @Test func theDifferenceIsShownInTheApproversZone() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let berlin = ["--tz", "Europe/Berlin"]
        let rendered = h.read(["render", "--incident", "INC-2041", "--audience", "customer"] + berlin)
        let read = try #require(Self.fingerprint(in: rendered.stderr, audience: "customer"), "\(rendered.stderr)")
        #expect(h.run(["update", "INC-2041", "--next-update", "+30m"], as: "marco").status == 0)
        let refused = h.run(["approve", "INC-2041", "customer", "--fingerprint", read] + berlin)
        #expect(refused.status == 1)
        let diff = refused.stderr.split(separator: "\n").filter { $0.hasPrefix("  - ") || $0.hasPrefix("  + ") }
        #expect(diff.contains { $0.contains("CET") }, "\(refused.stderr)")
        #expect(!diff.contains { $0.contains("UTC") }, "\(refused.stderr)")
        #expect(diff.contains { $0.hasPrefix("  - ") && $0.contains("10:40 CET") }, "the promise that was read: \(refused.stderr)")
        #expect(diff.contains { $0.hasPrefix("  + ") && $0.contains("10:50 CET") }, "the promise now: \(refused.stderr)")
    }

    /// The fingerprint names the words, not how or when they were shown.
    @Test func theFingerprintIsTheSameInEveryFormatZoneAndTime() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        var seen: Set<String> = []
        for arguments in [["--format", "text"], ["--format", "markdown"], ["--format", "html"], ["--tz", "Europe/Berlin"]] {
            let result = h.read(["render", "--incident", "INC-2041", "--audience", "customer"] + arguments)
            seen.insert(try #require(Self.fingerprint(in: result.stderr, audience: "customer")))
        }
        h.now = "2026-11-24T09:30:00Z"
        let json = h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--format", "json"])
        seen.insert(try #require(try JSONParser.parse(json.stdout)["fingerprint"]?.stringValue))
        #expect(seen.count == 1, "\(seen)")
        let file = chorus("render", "examples/checkout-investigating.json", "--audience", "customer", "--format", "json")
        #expect(try JSONParser.parse(file.stdout)["fingerprint"]?.stringValue?.count == DraftFingerprint.length)
    }

    @Test func aFingerprintOfNoDraftIsRefused() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        let wrong = h.run(["approve", "INC-2041", "customer", "--fingerprint", "0123456789ab"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.contains("no customer draft of INC-2041 had fingerprint 0123456789ab"), "\(wrong.stderr)")
        let two = h.run(["approve", "INC-2041", "customer", "support", "--fingerprint", "0123456789ab", "--fingerprint", "ba9876543210"])
        #expect(two.status == 1)
        #expect(two.stderr.contains("none of the fingerprints given (0123456789ab, ba9876543210) is the customer draft's"))
    }

    /// On a terminal, approve shows the text and asks; only "y" approves.
    @Test func onATerminalApproveShowsTheTextAndAsks() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        func approve(answer: String) -> ChorusCommandLine.Result {
            let asked = Asked()
            let terminal = Terminal { prompt in asked.prompt = prompt; return answer }
            let result = ChorusCommandLine.run(["approve", "INC-2041", "customer", "--store", h.store, "--now", h.now, "--as", "dana"],
                                               environment: ["CHORUS_REPLAY": "1"], currentDirectory: Repo.root.path, terminal: terminal)
            #expect(asked.prompt.contains("==== customer draft of INC-2041 revision 1 ====\n# Card payments failing at checkout\n")) // as journaled: the audience's format
            #expect(asked.prompt.hasSuffix("Approve this draft as dana? [y/N] "))
            return result
        }
        let declined = approve(answer: "n")
        #expect(declined.status == 1)
        #expect(declined.stderr.contains("not approved: you did not confirm"))
        #expect(approve(answer: "y").status == 0)
        #expect(try entries(h).contains { $0.isApproval && $0.audience == "customer" })
    }

    /// QA #14b: the approver confirms the very words that are journaled and pulled — in the
    /// workspace's zone, not the UTC text the fingerprint is taken of.
    @Test func onATerminalTheApproverReadsTheTextThatIsJournaled() throws {
        let h = try WorkflowHarness()
        _ = h.open()
        let asked = Asked()
        let terminal = Terminal { prompt in asked.prompt = prompt; return "y" }
        let result = ChorusCommandLine.run(["approve", "INC-2041", "support", "--store", h.store, "--now", h.now, "--as", "dana", "--tz", "Europe/Berlin"],
                                           environment: ["CHORUS_REPLAY": "1"], currentDirectory: Repo.root.path, terminal: terminal)
        #expect(result.status == 0, "\(result.stderr)")
        let pulled = h.read(["pull", "INC-2041", "support"])
        #expect(pulled.status == 0, "\(pulled.stderr)")
        #expect(pulled.stdout.contains("CET"), "\(pulled.stdout)")
        #expect(asked.prompt.contains("==== support draft of INC-2041 revision 1 ====\n" + pulled.stdout), "asked:\n\(asked.prompt)\npulled:\n\(pulled.stdout)")
        #expect(!asked.prompt.contains(" UTC"), "\(asked.prompt)")
    }

    /// One update cycle: approve and publish every audience in two commands.
    @Test func approveAndPublishEveryAudienceAtOnce() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        let approved = h.run(["approve", "INC-2041", "--all"])
        #expect(approved.status == 0, "\(approved.stderr)")
        for audience in ["engineering", "support", "sales", "leadership", "customer"] {
            #expect(approved.stdout.contains("INC-2041: \(audience) approved for revision 1 by dana"), "\(audience)")
        }
        let published = h.run(["publish", "INC-2041", "--all"])
        #expect(published.status == 0, "\(published.stderr)")
        #expect(published.stdout.contains("INC-2041: customer revision 1 published to Public status page by dana"))
        #expect(try entries(h).filter { $0.kind == .publication }.count == 5)
        // Approving again what one already approved writes nothing; another approver is recorded.
        let several = h.run(["approve", "INC-2041", "customer", "support", "--yes"])
        #expect(several.status == 0)
        #expect(several.stdout.contains("INC-2041: customer already approved for revision 1 by dana (the same words); nothing written"), "\(several.stdout)")
        #expect(try entries(h).filter(\.isApproval).count == 5)
        #expect(h.run(["approve", "INC-2041", "customer", "--yes"], as: "marco").status == 0)
        #expect(try entries(h).filter(\.isApproval).map(\.author).last == "marco")
        #expect(h.run(["publish", "INC-2041", "customer", "review", "--channel", "statuspage"]).status == 2, "review has nothing approved")
    }

    /// With several audiences each is checked on its own: a draft with error findings is
    /// refused, the others approved, and the exit status says something was refused.
    @Test func severalAudiencesAreCheckedEachOnItsOwn() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        h.now = "2026-11-24T09:20:00Z"
        _ = h.run(["update", "INC-2041", "--impact", "Card payments are failing, probably the database. It will be fixed within the hour."])
        let result = h.run(["approve", "INC-2041", "customer", "engineering"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the customer draft of INC-2041 revision 2 has"))
        #expect(result.stdout.contains("INC-2041: engineering approved for revision 2"))
        #expect(try entries(h).filter(\.isApproval).map(\.audience) == ["engineering"])
    }
}

/// What the fake terminal was asked.
private final class Asked: @unchecked Sendable {
    var prompt = ""
}
