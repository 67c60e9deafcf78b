import ChorusCore
import ChorusPublish
import ChorusSupport
import Foundation
import Testing

@Suite("Publishing to Statuspage")
struct StatuspagePublishingTests {
    @Test func theFirstPublishCreatesTheIncidentAndTheNextUpdatesIt() throws {
        let fixture = try PublishFixture()
        let first = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let report = fixture.publisher().send(first, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        #expect(report.delivery.remoteId == "sp1" && report.delivery.httpStatus == 201)
        #expect(report.delivery.components == ["k7hx2m9q4r1t"])
        let create = try #require(fixture.doubles.requests.last)
        #expect(create.method == "POST" && create.target == "/statuspage/v1/pages/kctbh9vrtdwd/incidents")
        #expect(create.header("authorization") == "OAuth \(ServiceDoubles.statuspageKey)")
        #expect(create.header("content-type") == "application/json")
        let sent = try #require(try JSONParser.parse(create.text)["incident"])
        #expect(sent["name"]?.stringValue == "Card payments failing at checkout")
        #expect(sent["status"]?.stringValue == "investigating")
        #expect(sent["component_ids"]?.elements?.compactMap(\.stringValue) == ["k7hx2m9q4r1t"])
        #expect(sent["metadata"]?["chorus"]?["incident"]?.stringValue == "INC-2041")
        #expect(sent["body"]?.stringValue?.hasPrefix("**Status:** Investigating") == true)

        // The checkout recovers: the update goes to the same incident and restores the component.
        let second = try PublishFixture.publication("checkout-identified.json", audience: "customer", seq: 7) {
            $0.components[0].status = .operational
        }
        let update = fixture.publisher().send(second, to: fixture.statuspage, previous: PublishFixture.entry(report, first, seq: 4))
        #expect(update.delivery.outcome == .sent)
        #expect(update.delivery.remoteId == "sp1")
        let patch = try #require(fixture.doubles.requests.last)
        #expect(patch.method == "PATCH" && patch.target == "/statuspage/v1/pages/kctbh9vrtdwd/incidents/sp1")
        let patched = try #require(try JSONParser.parse(patch.text)["incident"])
        #expect(patched["status"]?.stringValue == "identified")
        #expect(patched["components"]?["k7hx2m9q4r1t"]?.stringValue == "operational")
        #expect(fixture.doubles.incidents.count == 1)
    }

    /// A maintenance is created scheduled, its reminders and transitions as the destination says.
    @Test func aMaintenanceIsCreatedScheduledAsConfigured() throws {
        let fixture = try PublishFixture()
        let state = try PublishFixture.state("maintenance-database-upgrade.json")
        let publication = try PublishFixture.publication("maintenance-database-upgrade.json", audience: "customer")
        var maintenance = StatuspageExport.Maintenance()
        maintenance.autoCompleted = false
        let destination = Destination(audience: "customer", name: "statuspage", service: .statuspage(.init(
            pageId: ServiceDoubles.pageID, apiKeyEnv: "STATUSPAGE_API_KEY", apiURL: fixture.doubles.statuspageAPI, notify: nil,
            maintenance: maintenance)))
        let report = fixture.publisher().send(publication, to: destination, previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let create = try #require(fixture.doubles.requests.last)
        #expect(create.method == "POST" && create.target == "/statuspage/v1/pages/\(ServiceDoubles.pageID)/incidents")
        let sent = try #require(try JSONParser.parse(create.text)["incident"])
        #expect(sent["status"]?.stringValue == "scheduled")
        #expect(sent["scheduled_for"]?.stringValue == ISO8601.format(try #require(state.window).start))
        #expect(sent["scheduled_until"]?.stringValue == ISO8601.format(try #require(state.window).end))
        #expect(sent["scheduled_remind_prior"]?.value == .bool(true) && sent["scheduled_auto_in_progress"]?.value == .bool(true))
        #expect(sent["scheduled_auto_completed"]?.value == .bool(false), "as configured")
    }

    @Test func aRetrospectiveIsBackfilledAndTheDoubleAcceptsIt() throws {
        let fixture = try PublishFixture()
        let publication = try PublishFixture.publication("retrospective-email-delays.json", audience: "customer") {
            $0.components = [AffectedComponent(internalName: "mailer", publicName: "Email", status: .operational, statuspageId: "m41l")]
        }
        let report = fixture.publisher().send(publication, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let request = try #require(fixture.doubles.requests.last)
        let sent = try #require(try JSONParser.parse(request.text)["incident"])
        #expect(sent["backfilled"]?.value == .bool(true) && sent["components"] == nil)
        #expect(sent["deliver_notifications"]?.value == .bool(false))
    }

    @Test func aRefusedKeyIsAFailureThatNamesTheVariableNotTheKey() throws {
        var fixture = try PublishFixture()
        fixture.environment["STATUSPAGE_API_KEY"] = "wrong-key-value-1234"
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let report = fixture.publisher().send(publication, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .failed && report.delivery.httpStatus == 401)
        let error = try #require(report.delivery.error)
        #expect(error.contains("$STATUSPAGE_API_KEY") && error.contains("401"))
        #expect(!error.contains("wrong-key-value-1234"))
        #expect(fixture.doubles.requests.count == 1, "a 401 is not retried")
    }

    @Test func a422CarriesStatuspagesOwnMessage() throws {
        let fixture = try PublishFixture()
        fixture.doubles.script("/incidents", .json(422, #"{"error":["Component ids are invalid"]}"#))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let report = fixture.publisher().send(publication, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .failed && report.delivery.httpStatus == 422)
        #expect(report.delivery.error?.contains("Component ids are invalid") == true)
        #expect(report.delivery.uncertain == nil, "a 422 created nothing")
    }

    @Test func a500ThatCreatedAnywayIsFoundNotDuplicated() throws {
        let fixture = try PublishFixture()
        // The worst case: the create succeeds on Statuspage's side, but the answer is a 500.
        fixture.doubles.script("/incidents", .json(500, #"{"error":"Internal Server Error"}"#), alsoApply: true)
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let report = fixture.publisher().send(publication, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        #expect(fixture.doubles.incidents.count == 1, "one incident, not two")
        #expect(report.delivery.remoteId == "sp1")
        #expect(fixture.doubles.requests.map(\.method) == ["POST", "GET", "PATCH"])
        #expect(fixture.sleeper.slept == [1], "one back-off before looking")
    }

    /// Back-off has jitter: clients that failed together wait between half and all of the
    /// back-off, each by its own draw, so they do not try again in lockstep.
    @Test func backOffWaitsAreJitteredByTheInjectedRandomSource() throws {
        var slept: [[Double]] = []
        for draw in [0, 0.5, 1] {
            let fixture = try PublishFixture()
            fixture.doubles.script("/incidents", .json(500, #"{"error":"Internal Server Error"}"#), alsoApply: true)
            let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
            let report = fixture.publisher(draw: draw).send(publication, to: fixture.statuspage, previous: nil)
            #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
            #expect(fixture.doubles.incidents.count == 1)
            slept.append(fixture.sleeper.slept)
        }
        #expect(slept == [[1], [0.75], [0.5]])
        let policy = RetryPolicy()
        #expect((1...6).map { policy.backoff(after: $0, draw: 0.5) } == [0.75, 1.5, 3, 6, 12, 12])
        #expect(RetryPolicy(jitter: 0).backoff(after: 3, draw: 0.9) == 4, "no jitter: the back-off as it is")
        // The system source draws in 0..<1, and not the same number every time.
        let draws = (0..<64).map { _ in SystemRandomSource().draw() }
        #expect(draws.allSatisfy { (0..<1).contains($0) })
        #expect(Set(draws).count > 1)
    }

    @Test func aFailedCreateIsRetriedLaterWithoutADuplicate() throws {
        let fixture = try PublishFixture()
        for _ in 0..<3 { fixture.doubles.script("/incidents", .json(503, #"{"error":"Service Unavailable"}"#)) }
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let policy = RetryPolicy(attempts: 2, budget: 5, firstWait: 1, longestWait: 4)
        let failed = fixture.publisher(policy: policy).send(publication, to: fixture.statuspage, previous: nil)
        #expect(failed.delivery.outcome == .failed && failed.delivery.uncertain == true)
        #expect(fixture.doubles.incidents.isEmpty)
        // `publish --retry`: the same approval again, after the journaled failure.
        let retried = fixture.publisher().send(publication, to: fixture.statuspage, previous: PublishFixture.entry(failed, publication, seq: 4))
        #expect(retried.delivery.outcome == .sent, "\(retried.delivery.error ?? "")")
        #expect(fixture.doubles.incidents.count == 1)
        #expect(retried.requests.first?.method == "GET", "an uncertain create is looked for before creating")
        #expect(retried.delivery.key == failed.delivery.key)
    }

    @Test func rateLimitsWaitForRetryAfter() throws {
        let fixture = try PublishFixture()
        fixture.doubles.script("/incidents", .json(420, #"{"error":"rate limited"}"#, headers: ["Retry-After": "7"]))
        fixture.doubles.script("/incidents", .json(429, #"{"error":"rate limited"}"#, headers: ["Retry-After": "3"]))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let report = fixture.publisher().send(publication, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .sent)
        #expect(fixture.sleeper.slept == [7, 3])
        #expect(report.delivery.requests == 3)
        #expect(fixture.doubles.incidents.count == 1)
    }

    @Test func aRetryAfterBeyondTheBudgetStopsAndIsJournaledAsFailed() throws {
        let fixture = try PublishFixture()
        fixture.doubles.script("/incidents", .json(429, #"{"error":"rate limited"}"#, headers: ["Retry-After": "600"]))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let report = fixture.publisher(policy: RetryPolicy(budget: 60)).send(publication, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .failed && report.delivery.httpStatus == 429)
        #expect(fixture.sleeper.slept.isEmpty, "no wait longer than the budget starts")
        #expect(report.delivery.error?.hasSuffix("the retry budget ran out; retry later") == true, "\(report.delivery.error ?? "")")
        // The command to retry with is the CLI's to name (it knows the incident and audience);
        // the reason must not name it a second time (QA #20).
        #expect(report.delivery.error?.contains("chorus publish") == false)
    }

    @Test func anUnsetVariableFailsBeforeAnyRequest() throws {
        var fixture = try PublishFixture()
        fixture.environment["STATUSPAGE_API_KEY"] = nil
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "customer")
        let report = fixture.publisher().send(publication, to: fixture.statuspage, previous: nil)
        #expect(report.delivery.outcome == .failed)
        #expect(report.delivery.error?.contains("STATUSPAGE_API_KEY is not set") == true)
        #expect(fixture.doubles.requests.isEmpty)
    }
}
