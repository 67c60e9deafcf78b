import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// A workspace whose destinations are the local doubles, and `chorus` run in process on it.
final class PublishWorkspace: @unchecked Sendable {
    let folder: URL
    let doubles: ServiceDoubles
    var now = "2026-11-24T09:12:00Z"
    var environment: [String: String]

    init(destinations: ((ServiceDoubles) -> String)? = nil) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-publish-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        doubles = try ServiceDoubles()
        let list = destinations?(doubles) ?? """
            "customer": [ { "type": "statuspage", "pageId": "\(ServiceDoubles.pageID)", "apiKeyEnv": "STATUSPAGE_API_KEY", "apiURL": "\(doubles.statuspageAPI)" } ],
            "engineering": [ { "type": "slack", "tokenEnv": "SLACK_BOT_TOKEN", "channel": "\(ServiceDoubles.channelID)", "apiURL": "\(doubles.slackAPI)" } ],
            "sales": [ { "type": "webhook", "url": "\(doubles.receiver)", "secretEnv": "HOOK_SECRET" } ]
            """
        try """
            {
              "store": ".chorus",
              "destinations": {
                \(list)
              }
            }
            """.write(to: folder.appendingPathComponent("chorus.json"), atomically: true, encoding: .utf8)
        environment = ["CHORUS_WORKSPACE": folder.path, "CHORUS_REPLAY": "1", "CHORUS_AUTHOR": "Dana Kim",
                       "STATUSPAGE_API_KEY": ServiceDoubles.statuspageKey, "SLACK_BOT_TOKEN": ServiceDoubles.slackToken,
                       "HOOK_SECRET": "It's a Secret to Everybody"]
    }

    deinit {
        doubles.server.stop()
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    func run(_ arguments: String...) -> ChorusCommandLine.Result {
        ChorusCommandLine.run(arguments + ["--now", now], environment: environment, currentDirectory: folder.path)
    }

    /// Runs a command that takes no `--now` (such as `doctor`).
    @discardableResult
    func runWithoutClock(_ arguments: String...) -> ChorusCommandLine.Result {
        ChorusCommandLine.run(arguments, environment: environment, currentDirectory: folder.path)
    }

    /// Opens the checkout incident and approves the customer, engineering and sales drafts.
    func openAndApprove() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let opened = run("open", "--from", root.appendingPathComponent("examples/checkout-investigating.json").path)
        guard opened.status == 0 else { throw ServerError("open failed: \(opened.stderr)") }
        for audience in ["customer", "engineering", "sales"] {
            let approved = run("approve", "INC-2041", audience)
            guard approved.status == 0 else { throw ServerError("approve \(audience) failed: \(approved.stderr)") }
        }
    }

    func journal() throws -> [JournalEntry] {
        try JournalStore(root: folder.appendingPathComponent(".chorus")).existingJournal(for: "INC-2041").entries()
    }
}

@Suite("chorus publish --send")
struct PublishCommandTests {
    /// The issue's "done when": Statuspage created then updated, Slack posted then threaded.
    @Test func sendCreatesThenUpdatesAndThreads() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        let first = w.run("publish", "INC-2041", "customer", "engineering", "--send")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("INC-2041: customer → statuspage: created Statuspage incident sp1 (HTTP 201)"))
        #expect(first.stdout.contains("INC-2041: engineering → slack: posted 1 message in \(ServiceDoubles.channelID), thread 1700000000.000002"))
        #expect(w.doubles.incidents.count == 1)

        // Sending the same approval again does nothing.
        let again = w.run("publish", "INC-2041", "customer", "--send")
        #expect(again.status == 0 && again.stderr.contains("already sent"))
        #expect(w.doubles.incidents.count == 1)

        // The incident moves on; the new drafts are approved and sent.
        w.now = "2026-11-24T09:20:00Z"
        #expect(w.run("update", "INC-2041", "--status", "identified", "--next-update", "+30m").status == 0)
        let stale = w.run("publish", "INC-2041", "customer", "--send")
        #expect(stale.status == 1 && stale.stderr.contains("stale"), "\(stale.stderr)")
        for audience in ["customer", "engineering"] { #expect(w.run("approve", "INC-2041", audience).status == 0) }
        let second = w.run("publish", "INC-2041", "customer", "engineering", "--send")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("customer → statuspage: updated Statuspage incident sp1 (HTTP 200)"))
        let patch = try #require(w.doubles.requests.last { $0.method == "PATCH" })
        #expect(patch.target == "/statuspage/v1/pages/\(ServiceDoubles.pageID)/incidents/sp1")
        #expect(try JSONParser.parse(patch.text)["incident"]?["status"]?.stringValue == "identified")
        let messages = w.doubles.slackMessages
        #expect(messages.count == 2 && messages[1].threadTS == messages[0].ts, "the update is in the first message's thread")

        // The journal records every attempt: destination, remote id, status, who and when.
        let publications = try w.journal().filter { $0.kind == .publication }
        #expect(publications.count == 4)
        let last = try #require(publications.last { $0.audience == "customer" })
        #expect(last.author == "Dana Kim" && last.delivery?.remoteId == "sp1" && last.delivery?.httpStatus == 200)
        #expect(last.delivery?.outcome == .sent && last.channel == "statuspage")
        let journalText = try String(contentsOf: w.folder.appendingPathComponent(".chorus/incidents/INC-2041/journal.jsonl"), encoding: .utf8)
        #expect(!journalText.contains(ServiceDoubles.statuspageKey) && !journalText.contains(ServiceDoubles.slackToken))
        #expect(w.run("verify", "INC-2041").status == 0, "the journal with publications verifies")
        // `chorus log` (which skims the journal without decoding states) shows each delivery.
        let log = w.run("log", "INC-2041")
        #expect(log.stdout.contains("sent customer revision 2 to statuspage (statuspage, approval #"), "\(log.stdout)")
        #expect(log.stdout.contains("remote id sp1, HTTP 200"))
    }

    @Test func aFailedSendIsJournaledAndRetryCompletesItWithoutDuplicates() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        w.doubles.script("/incidents", .json(401, #"{"error":"Could not authenticate"}"#))
        let failed = w.run("publish", "INC-2041", "customer", "--send", "--wait", "0")
        #expect(failed.status == 2)
        #expect(failed.stderr.contains("Statuspage refused the API key in $STATUSPAGE_API_KEY (401)"))
        #expect(failed.stderr.contains("--retry"))
        let entry = try #require(try w.journal().last)
        #expect(entry.kind == .publication && entry.delivery?.outcome == .failed && entry.delivery?.httpStatus == 401)
        // `due` does not count a failed send as published.
        #expect(w.run("due").stdout.contains("not yet published"))
        // --send does not repeat a failed send; --retry does.
        let send = w.run("publish", "INC-2041", "customer", "--send")
        #expect(send.status == 2 && send.stderr.contains("complete it with --retry"))
        let retried = w.run("publish", "INC-2041", "customer", "--retry")
        #expect(retried.status == 0, "\(retried.stderr)")
        #expect(w.doubles.incidents.count == 1)
        let again = w.run("publish", "INC-2041", "customer", "--retry")
        #expect(again.status == 0 && again.stderr.contains("already sent"))
        #expect(w.doubles.incidents.count == 1)
    }

    @Test func dryRunShowsEveryRequestWithSecretsMaskedAndSendsNothing() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        let dry = w.run("publish", "INC-2041", "customer", "engineering", "sales", "--dry-run")
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(w.doubles.requests.isEmpty, "nothing was sent")
        #expect(dry.stdout.contains("POST \(w.doubles.statuspageAPI)/pages/\(ServiceDoubles.pageID)/incidents"))
        #expect(dry.stdout.contains("Authorization: OAuth [$STATUSPAGE_API_KEY]"))
        #expect(dry.stdout.contains("Authorization: Bearer [$SLACK_BOT_TOKEN]"))
        #expect(dry.stdout.contains("X-Chorus-Signature-256: sha256="))
        #expect(dry.stdout.contains("\"name\":\"Card payments failing at checkout\""))
        for secret in [ServiceDoubles.statuspageKey, ServiceDoubles.slackToken, "Secret to Everybody"] {
            #expect(!dry.stdout.contains(secret) && !dry.stderr.contains(secret))
        }
        #expect(try w.journal().allSatisfy { $0.kind != .publication }, "a dry run journals nothing")
        // Without the variables it still shows the requests, and warns.
        w.environment["STATUSPAGE_API_KEY"] = nil
        let missing = w.run("publish", "INC-2041", "customer", "--dry-run")
        #expect(missing.status == 0 && missing.stderr.contains("STATUSPAGE_API_KEY is not set"))
        #expect(missing.stdout.contains("Authorization: OAuth [$STATUSPAGE_API_KEY]"))
    }

    @Test func unapprovedAndUnconfiguredAudiencesAreRefusedWithTheReason() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        let leadership = w.run("publish", "INC-2041", "leadership", "--send")
        #expect(leadership.status == 2 && leadership.stderr.contains("names no destinations for leadership"))
        let support = try PublishWorkspace(destinations: { doubles in
            "\"support\": [ { \"type\": \"webhook\", \"url\": \"\(doubles.receiver)\" } ]"
        })
        try support.openAndApprove()
        let unapproved = support.run("publish", "INC-2041", "support", "--send")
        #expect(unapproved.status == 2 && unapproved.stderr.contains("nothing approved yet"))
        #expect(support.doubles.requests.isEmpty)
        // Recording a publication made by hand still works.
        let byHand = w.run("publish", "INC-2041", "customer", "--channel", "statuspage (pasted)")
        #expect(byHand.status == 0 && byHand.stdout.contains("published to statuspage (pasted)"))
    }

    @Test func aBrokenDestinationIsReportedAtItsPosition() throws {
        let w = try PublishWorkspace(destinations: { _ in
            "\"customer\": [ { \"type\": \"statuspage\", \"pageId\": \"abc\", \"apiKey\": \"sk-live-123\" } ]"
        })
        let result = w.run("publish", "INC-2041", "customer", "--send")
        #expect(result.status == 2)
        #expect(result.stderr.contains("chorus.json:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("secrets are never written in chorus.json"))
        #expect(result.stderr.contains("missing \"apiKeyEnv\""))
        #expect(!result.stderr.contains("sk-live-123"))
    }
}

@Suite("chorus doctor and destinations")
struct DoctorDestinationTests {
    @Test func doctorNamesAnUnknownAudienceAndAnUnsetVariable() throws {
        let w = try PublishWorkspace(destinations: { doubles in
            """
            "custmer": [ { "type": "webhook", "url": "\(doubles.receiver)" } ],
                "engineering": [ { "type": "slack", "tokenEnv": "SLACK_BOT_TOKEN", "channel": "C01", "apiURL": "\(doubles.slackAPI)" } ]
            """
        })
        w.environment["SLACK_BOT_TOKEN"] = nil
        let result = w.runWithoutClock("doctor")
        #expect(result.status == 1)
        let output = result.stdout + result.stderr
        #expect(output.contains("chorus.json:4:5: error: at $.destinations.custmer: destinations for \"custmer\", which is not an audience"), "\(output)")
        #expect(output.contains("Did you mean \"customer\"?"))
        #expect(output.contains("warning: at $.destinations.engineering[0]: the environment variable SLACK_BOT_TOKEN is not set here"))
    }
}

@Suite("chorus publish --all --send")
struct PublishAllTests {
    @Test func allSendsTheApprovedAudiencesThatHaveDestinations() throws {
        let w = try PublishWorkspace(destinations: { doubles in
            "\"customer\": [ { \"type\": \"statuspage\", \"pageId\": \"\(ServiceDoubles.pageID)\", \"apiKeyEnv\": \"STATUSPAGE_API_KEY\", \"apiURL\": \"\(doubles.statuspageAPI)\" } ]"
        })
        try w.openAndApprove()
        let result = w.run("publish", "INC-2041", "--all", "--send")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("customer → statuspage: created Statuspage incident sp1"))
        #expect(result.stderr.contains("engineering, sales: no destinations in"))
        #expect(w.doubles.incidents.count == 1)
    }
}
