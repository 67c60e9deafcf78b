import ChorusCore
import ChorusPublish
import ChorusSupport
import Foundation
import Testing

/// Whether two JSON values are equal, wherever they stood in their texts.
func same(_ a: JSONNode?, _ b: JSONNode?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    return ServiceDoubles.output(a).rendered(pretty: false) == ServiceDoubles.output(b).rendered(pretty: false)
}

@Suite("Publishing to Slack")
struct SlackPublishingTests {
    @Test func theFirstPublishPostsAndTheNextRepliesInItsThread() throws {
        let fixture = try PublishFixture()
        let first = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let report = fixture.publisher().send(first, to: fixture.slackAPI(), previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let parent = try #require(report.delivery.remoteId)
        #expect(report.delivery.channel == ServiceDoubles.channelID)
        let post = try #require(fixture.doubles.requests.last)
        #expect(post.method == "POST" && post.target == "/slack/api/chat.postMessage")
        #expect(post.header("authorization") == "Bearer \(ServiceDoubles.slackToken)")
        #expect(post.header("content-type") == "application/json; charset=utf-8")
        let body = try JSONParser.parse(post.text)
        #expect(body["channel"]?.stringValue == ServiceDoubles.channelID)
        #expect(body["thread_ts"] == nil)
        #expect(body["metadata"]?["event_payload"]?["incident"]?.stringValue == "INC-2041")
        // The blocks are exactly the approved draft's.
        let approved = try JSONParser.parse(try #require(first.approval.text))
        #expect(same(body["blocks"], approved["blocks"]) && same(body["text"], approved["text"]))

        let second = try PublishFixture.publication("checkout-identified.json", audience: "engineering", seq: 8)
        let reply = fixture.publisher().send(second, to: fixture.slackAPI(), previous: PublishFixture.entry(report, first, seq: 4))
        #expect(reply.delivery.outcome == .sent)
        #expect(reply.delivery.remoteId == parent, "the thread is kept")
        let replyBody = try JSONParser.parse(try #require(fixture.doubles.requests.last).text)
        #expect(replyBody["thread_ts"]?.stringValue == parent)
        #expect(fixture.doubles.slackMessages.filter { $0.threadTS == nil }.count == 1, "one thread")
    }

    @Test func updateModeReplacesTheFirstMessage() throws {
        let fixture = try PublishFixture()
        let first = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let report = fixture.publisher().send(first, to: fixture.slackAPI(updates: .update), previous: nil)
        let second = try PublishFixture.publication("checkout-identified.json", audience: "engineering", seq: 8)
        let update = fixture.publisher().send(second, to: fixture.slackAPI(updates: .update), previous: PublishFixture.entry(report, first, seq: 4))
        #expect(update.delivery.outcome == .sent, "\(update.delivery.error ?? "")")
        let request = try #require(fixture.doubles.requests.last)
        #expect(request.target == "/slack/api/chat.update")
        #expect(try JSONParser.parse(request.text)["ts"]?.stringValue == report.delivery.remoteId)
        #expect(fixture.doubles.slackMessages.count == 1)
    }

    @Test func aLongDraftGoesOnInTheThread() throws {
        let fixture = try PublishFixture()
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering") { state in
            let filler = String(repeating: "The callback queue grew while retries & timeouts piled up. ", count: 12)
            state.facts = (1...60).map { Fact(id: "F\($0)", text: "Observation \($0): \(filler)", at: state.startedAt, source: .monitoring) }
        }
        let report = fixture.publisher().send(publication, to: fixture.slackAPI(), previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let posted = fixture.doubles.slackMessages
        #expect(posted.count > 1 && posted.count == report.delivery.messages?.count)
        #expect(posted.dropFirst().allSatisfy { $0.threadTS == posted[0].ts }, "continuations are in the first message's thread")
    }

    @Test func rateLimitedWaitsForRetryAfter() throws {
        let fixture = try PublishFixture()
        fixture.doubles.script("chat.postMessage", .json(429, #"{"ok":false,"error":"ratelimited"}"#, headers: ["Retry-After": "3"]))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let report = fixture.publisher().send(publication, to: fixture.slackAPI(), previous: nil)
        #expect(report.delivery.outcome == .sent)
        #expect(fixture.sleeper.slept == [3])
        #expect(fixture.doubles.slackMessages.count == 1)
    }

    @Test func channelNotFoundSaysWhatToDo() throws {
        let fixture = try PublishFixture()
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let report = fixture.publisher().send(publication, to: fixture.slackAPI(channel: "C0WRONG"), previous: nil)
        #expect(report.delivery.outcome == .failed)
        #expect(report.delivery.error?.contains("channel_not_found") == true)
        #expect(report.delivery.error?.contains("invite") == true)
        #expect(fixture.sleeper.slept.isEmpty, "a refusal is not retried")
    }

    @Test func invalidBlocksIsAFailureWithTheServicesWord() throws {
        let fixture = try PublishFixture()
        fixture.doubles.script("chat.postMessage", .json(200, #"{"ok":false,"error":"invalid_blocks"}"#))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let report = fixture.publisher().send(publication, to: fixture.slackAPI(), previous: nil)
        #expect(report.delivery.outcome == .failed && report.delivery.error?.contains("invalid_blocks") == true)
        #expect(report.delivery.uncertain == nil)
    }

    @Test func aRetryAfterAnUnansweredPostFindsItInsteadOfStartingASecondThread() throws {
        let fixture = try PublishFixture()
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        // The post went through, but its answer was lost.
        fixture.doubles.script("chat.postMessage", .json(200, #"{"ok":true}"#), alsoApply: true)
        var uncertain = fixture.publisher().send(publication, to: fixture.slackAPI(), previous: nil)
        // The double's `ok` without a ts stands for the lost answer; make the record say so.
        uncertain.delivery.outcome = .failed
        uncertain.delivery.uncertain = true
        uncertain.delivery.remoteId = nil
        uncertain.delivery.messages = nil
        let retried = fixture.publisher().send(publication, to: fixture.slackAPI(), previous: PublishFixture.entry(uncertain, publication, seq: 4))
        #expect(retried.delivery.outcome == .sent, "\(retried.delivery.error ?? "")")
        #expect(retried.requests.first?.url.hasSuffix("conversations.history?channel=C0INC2041&limit=100&include_all_metadata=true") == true)
        #expect(fixture.doubles.slackMessages.filter { $0.threadTS == nil }.count == 1, "still one thread")
        #expect(retried.delivery.remoteId == fixture.doubles.slackMessages.first?.ts)
    }

    /// The engineering update's first post, answered 500 although Slack posted it.
    static func firstPostAnswered500(_ fixture: PublishFixture) throws -> (publication: Publication, failed: Publisher.Report) {
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        fixture.doubles.script("chat.postMessage", .json(500, #"{"ok":false,"error":"internal_error"}"#), alsoApply: true)
        return (publication, fixture.publisher().send(publication, to: fixture.slackAPI(), previous: nil))
    }

    /// A 500 to a post may come after Slack posted it: the record says so, and the retry looks.
    @Test func aFirstPostAnswered500IsLookedUpNotPostedAgain() throws {
        let fixture = try PublishFixture()
        let (publication, failed) = try Self.firstPostAnswered500(fixture)
        #expect(failed.delivery.outcome == .failed && failed.delivery.uncertain == true)
        let retried = fixture.publisher().send(publication, to: fixture.slackAPI(), previous: PublishFixture.entry(failed, publication, seq: 4))
        #expect(retried.delivery.outcome == .sent, "\(retried.delivery.error ?? "")")
        #expect(!retried.requests.contains { $0.url.hasSuffix("chat.postMessage") }, "nothing posted again")
        #expect(fixture.doubles.slackMessages.count == 1, "still one thread")
        #expect(retried.delivery.remoteId == fixture.doubles.slackMessages.first?.ts)
    }

    /// The lost post is older than a page of the channel's history: the lookup reads on.
    @Test func theLookupReadsTheHistoryPageAfterPage() throws {
        let fixture = try PublishFixture()
        let (publication, failed) = try Self.firstPostAnswered500(fixture)
        try fixture.doubles.chatter(150)
        let retried = fixture.publisher().send(publication, to: fixture.slackAPI(), previous: PublishFixture.entry(failed, publication, seq: 4))
        #expect(retried.delivery.outcome == .sent, "\(retried.delivery.error ?? "")")
        let lookups = retried.requests.filter { $0.url.contains("conversations.history") }
        #expect(lookups.count == 2 && lookups[1].url.hasSuffix("&cursor=page-100"), "\(lookups.map(\.url))")
        #expect(!retried.requests.contains { $0.url.hasSuffix("chat.postMessage") }, "nothing posted again")
        #expect(retried.delivery.remoteId == fixture.doubles.slackMessages.first?.ts)
    }

    /// The next publication's reply in the thread, answered 500 after it was posted: the retry
    /// finds it in the thread (`conversations.replies`) instead of replying twice.
    @Test func aReplyWhoseAnswerWasLostIsFoundInTheThreadNotRepeated() throws {
        let fixture = try PublishFixture()
        let first = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let sent = fixture.publisher().send(first, to: fixture.slackAPI(), previous: nil)
        let parent = try #require(sent.delivery.remoteId)
        let second = try PublishFixture.publication("checkout-identified.json", audience: "engineering", seq: 7)
        fixture.doubles.script("chat.postMessage", .json(500, #"{"ok":false,"error":"internal_error"}"#), alsoApply: true)
        let failed = fixture.publisher().send(second, to: fixture.slackAPI(), previous: PublishFixture.entry(sent, first, seq: 4))
        #expect(failed.delivery.outcome == .failed && failed.delivery.uncertain == true)
        #expect(failed.delivery.remoteId == parent, "the thread is still the incident's")

        let retried = fixture.publisher().send(second, to: fixture.slackAPI(), previous: PublishFixture.entry(failed, second, seq: 8))
        #expect(retried.delivery.outcome == .sent, "\(retried.delivery.error ?? "")")
        let lookup = try #require(retried.requests.first)
        #expect(lookup.method == "GET" && lookup.url.hasSuffix("/conversations.replies?channel=\(ServiceDoubles.channelID)&ts=\(parent)&limit=200&include_all_metadata=true"))
        #expect(!retried.requests.contains { $0.url.hasSuffix("chat.postMessage") }, "the reply is not posted again")
        let replies = fixture.doubles.slackMessages.filter { $0.threadTS == parent }
        #expect(replies.count == 1)
        #expect(retried.delivery.messages == replies.map(\.ts))
        #expect(replies.first?.body["metadata"]?["event_payload"]?["part"]?.stringValue == "1")
    }

    @Test func anIncomingWebhookPostsTheApprovedPayload() throws {
        let fixture = try PublishFixture()
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let report = fixture.publisher().send(publication, to: fixture.slackWebhook, previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let post = try #require(fixture.doubles.requests.last)
        #expect(post.target == "/slack/hooks/T000/B000/XXXXSECRETXXXX")
        let approved = try JSONParser.parse(try #require(publication.approval.text))
        let body = try JSONParser.parse(post.text)
        #expect(same(body["blocks"], approved["blocks"]) && same(body["text"], approved["text"]))
        // The webhook's URL is the secret: it is masked wherever a request is shown.
        let shown = try #require(report.requests.first).masked
        #expect(shown.hasPrefix("POST [$SLACK_WEBHOOK_URL]"))
        #expect(!shown.contains("XXXXSECRETXXXX"))
    }

    /// Every sender stops before any request when the variable holding its secret is unset,
    /// and the failure names the variable.
    @Test(arguments: ["slack api", "slack webhook", "webhook signature"])
    func anUnsetSecretFailsBeforeAnyRequest(destination kind: String) throws {
        var fixture = try PublishFixture()
        let destination: Destination, variable: String, audience: String
        switch kind {
        case "slack api": (destination, variable, audience) = (fixture.slackAPI(), "SLACK_BOT_TOKEN", "engineering")
        case "slack webhook": (destination, variable, audience) = (fixture.slackWebhook, "SLACK_WEBHOOK_URL", "engineering")
        default: (destination, variable, audience) = (fixture.webhook(signed: true), "HOOK_SECRET", "sales")
        }
        fixture.environment[variable] = nil
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: audience)
        let report = fixture.publisher().send(publication, to: destination, previous: nil)
        #expect(report.delivery.outcome == .failed)
        #expect(report.delivery.error?.contains("\(variable) is not set") == true, "\(report.delivery.error ?? "")")
        #expect(report.requests.isEmpty && fixture.doubles.requests.isEmpty)
    }

    @Test func aRefusedWebhookIsAFailure() throws {
        var fixture = try PublishFixture()
        fixture.environment["SLACK_WEBHOOK_URL"] = fixture.doubles.server.baseURL + "/slack/hooks/T000/B000/WRONG"
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "engineering")
        let report = fixture.publisher().send(publication, to: fixture.slackWebhook, previous: nil)
        #expect(report.delivery.outcome == .failed && report.delivery.httpStatus == 404)
        #expect(report.delivery.error?.contains("no_service") == true)
        #expect(report.delivery.error?.contains("WRONG") == false)
    }
}
