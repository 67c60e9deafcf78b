import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// Approvals are checked against the configured audiences and phrasebook, whatever the
/// approver points at: a permissive copy is refused, or journaled as an override with the
/// reason, and `pull` says so.
@Suite("Approvals that cannot be bypassed")
struct ApprovalBindingTests {
    /// An incident whose customer draft has error findings (by default "probably" is
    /// speculation), which the configured policy refuses.
    func incident(impact: String = "We probably broke card payments; it should be fixed within the hour.") throws -> WorkflowHarness {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:13:00Z"
        let update = h.run(["update", "INC-2041", "--impact", impact])
        #expect(update.status == 0, "\(update.stderr)")
        let plain = h.run(["approve", "INC-2041", "customer"])
        #expect(plain.status == 1, "the configured policy refuses it: \(plain.stderr)")
        #expect(plain.stderr.contains("error finding"))
        return h
    }

    /// A copy of the shipped audiences with `edit` applied to the customer's audience.json.
    func audiencesCopy(_ scratch: Scratch, _ edit: (inout [String: Any]) -> Void) throws -> String {
        let copy = scratch.appendingPathComponent("audiences-copy")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("audiences"), to: copy)
        let file = copy.appendingPathComponent("customer/audience.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        edit(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: file)
        return copy.path
    }

    static func policyAllOff(_ object: inout [String: Any]) {
        let policy = object["policy"] as? [String: String] ?? [:]
        object["policy"] = policy.mapValues { _ in "off" }
    }

    func approvals(_ h: WorkflowHarness) throws -> [JournalEntry] {
        try JournalStore(root: URL(fileURLWithPath: h.store)).journal(for: "INC-2041").entries().filter(\.isApproval)
    }

    @Test func aCopyWithThePolicyOffIsRefusedByOptionAndByEnvironment() throws {
        let h = try incident()
        let scratch = try Repo.scratch()
        let copy = try audiencesCopy(scratch, Self.policyAllOff)
        let byOption = h.run(["approve", "INC-2041", "customer", "--audiences", copy])
        #expect(byOption.status == 1)
        #expect(byOption.stderr.contains("an approval is checked against the configured audiences, phrasebook and vocabulary"), "\(byOption.stderr)")
        #expect(byOption.stderr.contains("--audiences \(copy)"))
        #expect(byOption.stderr.contains("whose customer policy differs from the configured one"), "\(byOption.stderr)")
        let byEnvironment = chorus(["approve", "INC-2041", "customer", "--store", h.store, "--now", h.now, "--as", "dana"],
                                   environment: ["CHORUS_REPLAY": "1", "CHORUS_AUDIENCES": copy])
        #expect(byEnvironment.status == 1)
        #expect(byEnvironment.stderr.contains("CHORUS_AUDIENCES=\(copy)"), "\(byEnvironment.stderr)")
        #expect(try approvals(h).isEmpty, "nothing was written")
        #expect(h.read(["pull", "INC-2041", "customer"]).status != 0)
    }

    @Test func anAllowListOrASwappedTemplateInACopyIsRefusedToo() throws {
        let h = try incident()
        let scratch = try Repo.scratch()
        let allowing = try audiencesCopy(scratch) { $0["allow"] = ["probably", "should be fixed within the hour"] }
        #expect(h.run(["approve", "INC-2041", "customer", "--audiences", allowing]).status == 1)
        let swapped = scratch.appendingPathComponent("swapped")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("audiences"), to: swapped)
        try Data("# {{title}}\n\nAll good.\n".utf8).write(to: swapped.appendingPathComponent("customer/incident.mustache"))
        let result = h.run(["approve", "INC-2041", "customer", "--audiences", swapped.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("whose customer templates differ from the configured ones"), "\(result.stderr)")
        #expect(try approvals(h).isEmpty)
    }

    /// With a reason, the approval is journaled as an override: the reason, where the rules came
    /// from, and the error findings the configured rules find in the approved words.
    @Test func withAReasonItIsAnOverrideThatLogShowAndPullAllReport() throws {
        var h = try incident()
        let scratch = try Repo.scratch()
        let copy = try audiencesCopy(scratch, Self.policyAllOff)
        let approved = h.run(["approve", "INC-2041", "customer", "--audiences", copy, "--override", "legal signed off on this wording"])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(approved.stdout.contains("OVERRIDE: legal signed off on this wording"))
        let entry = try #require(try approvals(h).last)
        #expect(entry.kind == .override)
        #expect(entry.reason == "legal signed off on this wording")
        #expect((entry.errorFindings ?? []).contains { $0.contains("[speculation/") }, "the configured rules' findings are recorded")
        #expect(entry.checkedWith?.unconfigured?.first?.contains("--audiences \(copy)") == true)
        h.now = "2026-11-24T09:14:00Z"
        let pulled = h.read(["pull", "INC-2041", "customer"])
        #expect(pulled.status == 0)
        #expect(pulled.stderr.contains("approved with an OVERRIDE: legal signed off on this wording"))
        #expect(pulled.stderr.contains("not checked against the configured audiences and phrasebook"), "\(pulled.stderr)")
        #expect(h.read(["log", "INC-2041"]).stdout.contains("--audiences \(copy)"))
    }

    @Test func anIdenticalCopyChecksTheSameAndEveryApprovalRecordsItsFingerprints() throws {
        var h = try WorkflowHarness()
        #expect(h.open().status == 0)
        h.now = "2026-11-24T09:13:00Z"
        let scratch = try Repo.scratch()
        let copy = scratch.appendingPathComponent("same")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("audiences"), to: copy)
        let approved = h.run(["approve", "INC-2041", "customer", "--audiences", copy.path])
        #expect(approved.status == 0, "\(approved.stderr)")
        #expect(h.run(["approve", "INC-2041", "support"]).status == 0)
        let entries = try approvals(h)
        #expect(entries.map(\.kind) == [.approval, .approval])
        for entry in entries {
            let check = try #require(entry.checkedWith)
            #expect([check.policy, check.templates, check.phrasebook].allSatisfy { $0.count == 64 })
            #expect(check.unconfigured == nil)
        }
        #expect(entries[0].checkedWith?.phrasebook == entries[1].checkedWith?.phrasebook)
        #expect(entries[0].checkedWith?.policy != entries[1].checkedWith?.policy, "each audience's own policy")
    }

    @Test func aPhrasebookCopyWithoutTheCuesIsRefused() throws {
        let h = try incident()
        let scratch = try Repo.scratch()
        let copy = scratch.appendingPathComponent("phrasebook")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("phrasebook"), to: copy)
        let speculation = copy.appendingPathComponent("speculation.txt")
        let lines = try String(contentsOf: speculation, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        try Data(lines.filter { $0 != "probably" }.joined(separator: "\n").utf8).write(to: speculation)
        let result = h.run(["approve", "INC-2041", "customer", "--phrasebook", copy.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("checked with --phrasebook \(copy.path), whose phrasebook differs from the configured one"), "\(result.stderr)")
        #expect(try approvals(h).isEmpty)
    }

    /// An incident whose customer draft has jargon and an internal name (error findings) that a
    /// vocabulary listing them would accept.
    func jargonIncident() throws -> WorkflowHarness {
        try incident(impact: "Some customers cannot pay after a bad deploy to the Kubernetes cluster on payments-api.")
    }

    @Test func aVocabularyByOptionOrEnvironmentIsRefusedAndAnOverrideRecordsItsFingerprint() throws {
        let h = try jargonIncident()
        let scratch = try Repo.scratch()
        let vocabulary = scratch.appendingPathComponent("vocabulary.txt")
        try Data("deploy\nKubernetes\ncluster\npayments-api\n".utf8).write(to: vocabulary)
        // The vocabulary does make the findings go away: that is why it must not approve by itself.
        #expect(h.read(["render", "--incident", "INC-2041", "--audience", "customer", "--vocabulary", vocabulary.path]).status == 0)
        let byOption = h.run(["approve", "INC-2041", "customer", "--vocabulary", vocabulary.path])
        #expect(byOption.status == 1, "\(byOption.stderr)")
        #expect(byOption.stderr.contains("checked with --vocabulary \(vocabulary.path), whose vocabulary differs from the configured one"), "\(byOption.stderr)")
        #expect(byOption.stderr.contains("--vocabulary, CHORUS_AUDIENCES"), "\(byOption.stderr)")
        let byEnvironment = chorus(["approve", "INC-2041", "customer", "--store", h.store, "--now", h.now, "--as", "dana"],
                                   environment: ["CHORUS_REPLAY": "1", "CHORUS_VOCABULARY": vocabulary.path])
        #expect(byEnvironment.status == 1, "\(byEnvironment.stderr)")
        #expect(byEnvironment.stderr.contains("checked with CHORUS_VOCABULARY=\(vocabulary.path)"), "\(byEnvironment.stderr)")
        #expect(try approvals(h).isEmpty, "nothing was written")

        let overridden = h.run(["approve", "INC-2041", "customer", "--vocabulary", vocabulary.path, "--override", "legal agreed"])
        #expect(overridden.status == 0, "\(overridden.stderr)")
        let entry = try #require(try approvals(h).last)
        #expect(entry.kind == .override)
        #expect(entry.checkedWith?.vocabulary?.count == 64, "the vocabulary's fingerprint is recorded")
        #expect(entry.checkedWith?.unconfigured?.first?.contains("--vocabulary \(vocabulary.path)") == true)
        #expect(!(entry.errorFindings ?? []).isEmpty, "the findings under the configured rules are kept")
    }

    @Test func theWorkspaceVocabularyIsConfiguredAndItsFingerprintIsRecorded() throws {
        let h = try jargonIncident()
        let scratch = try Repo.scratch()
        try Data("{ \"vocabulary\": \"vocabulary.txt\" }\n".utf8).write(to: scratch.appendingPathComponent("chorus.json"))
        try Data("deploy\nKubernetes\ncluster\npayments-api\n".utf8).write(to: scratch.appendingPathComponent("vocabulary.txt"))
        let approved = chorus(["approve", "INC-2041", "customer", "--store", h.store, "--now", h.now, "--as", "dana"],
                              environment: ["CHORUS_REPLAY": "1", "CHORUS_WORKSPACE": scratch.url.path])
        #expect(approved.status == 0, "the team's own vocabulary is the configured one: \(approved.stderr)")
        let entry = try #require(try approvals(h).last)
        #expect(entry.kind == .approval)
        #expect(entry.checkedWith?.vocabulary?.count == 64)
        #expect(entry.checkedWith?.unconfigured == nil)
    }
}

