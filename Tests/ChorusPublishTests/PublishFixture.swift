import ChorusCore
import ChorusPublish
import ChorusSupport
import Foundation

/// Approved drafts of the examples, the doubles, and a publisher wired to them.
struct PublishFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let doubles: ServiceDoubles
    let sleeper = RecordedSleeper()
    var environment: [String: String]

    init() throws {
        doubles = try ServiceDoubles()
        environment = ["SLACK_BOT_TOKEN": ServiceDoubles.slackToken, "STATUSPAGE_API_KEY": ServiceDoubles.statuspageKey,
                       "SLACK_WEBHOOK_URL": doubles.slackWebhook, "HOOK_SECRET": "It's a Secret to Everybody"]
    }

    static func state(_ example: String) throws -> IncidentState {
        try StateDocument.load(String(contentsOf: root.appendingPathComponent("examples/\(example)"), encoding: .utf8)).state
    }

    /// An approval entry of `audience`'s draft of `state`, as `chorus approve` writes it.
    static func approval(_ state: IncidentState, audience: String, seq: Int = 3, revision: Int = 2) throws -> JournalEntry {
        let renderer = try DraftRenderer.load(audiences: root.appendingPathComponent("audiences"), phrasebook: root.appendingPathComponent("phrasebook"))
        let draft = try renderer.render(state, audience: audience, clock: RenderClock(now: state.lastUpdatedAt.addingTimeInterval(300)))
        var entry = JournalEntry(seq: seq, at: state.lastUpdatedAt.addingTimeInterval(300), author: "Dana Kim", kind: .approval)
        entry.audience = audience
        entry.revision = revision
        entry.format = draft.format.rawValue
        entry.text = draft.output
        entry.sha256 = SHA256.hex(draft.output)
        entry.source = draft.source
        entry.state = state
        return entry
    }

    static func publication(_ example: String, audience: String, seq: Int = 3, edit: (inout IncidentState) -> Void = { _ in }) throws -> Publication {
        var state = try state(example)
        edit(&state)
        return try Publication(incidentID: state.id, approval: approval(state, audience: audience, seq: seq))
    }

    /// A publisher wired to the doubles; back-off jitter is a fixed draw (0: the full back-off),
    /// so waits are checked exactly.
    func publisher(policy: RetryPolicy = RetryPolicy(), timeout: TimeInterval = 10, draw: Double = 0) -> Publisher {
        Publisher(transport: URLSessionTransport(timeout: timeout), mailer: SystemMailTransport(workspaceRoot: FileManager.default.temporaryDirectory),
                  sleeper: sleeper, policy: policy, secrets: Secrets(environment: environment), random: FixedRandomSource(draw))
    }

    var statuspage: Destination {
        Destination(audience: "customer", name: "statuspage", service: .statuspage(.init(
            pageId: ServiceDoubles.pageID, apiKeyEnv: "STATUSPAGE_API_KEY", apiURL: doubles.statuspageAPI, notify: nil,
            maintenance: StatuspageExport.Maintenance())))
    }

    func slackAPI(updates: Destination.SlackAPI.Updates = .thread, channel: String = ServiceDoubles.channelID) -> Destination {
        Destination(audience: "engineering", name: "slack", service: .slackAPI(.init(
            tokenEnv: "SLACK_BOT_TOKEN", channel: channel, updates: updates, broadcast: false, apiURL: doubles.slackAPI)))
    }

    var slackWebhook: Destination {
        Destination(audience: "engineering", name: "slack-hook", service: .slackWebhook(.init(webhookEnv: "SLACK_WEBHOOK_URL")))
    }

    func webhook(signed: Bool = true) -> Destination {
        Destination(audience: "sales", name: "webhook", service: .webhook(.init(
            address: .url(doubles.receiver), secretEnv: signed ? "HOOK_SECRET" : nil, signatureHeader: "X-Chorus-Signature-256",
            headers: [("X-Team", "sales")])))
    }

    /// A journal entry for a report, numbered as the journal would.
    static func entry(_ report: Publisher.Report, _ publication: Publication, seq: Int) -> JournalEntry {
        var entry = Publisher.entry(for: report, of: publication, author: "Dana Kim")
        entry.seq = seq
        return entry
    }
}
