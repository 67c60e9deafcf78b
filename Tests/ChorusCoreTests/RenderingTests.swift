import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation
import Testing

@Suite("Rendering every audience")
struct RenderingTests {
    static let examples = Repository.exampleFiles().map(\.lastPathComponent)

    /// The shipped templates practise what the linter preaches: every example, every applicable
    /// audience, every format it offers — zero error findings.
    @Test(arguments: examples)
    func everyExampleRendersForEveryApplicableAudienceWithoutErrors(example: String) throws {
        let renderer = try Shipped.renderer()
        let state = try Shipped.state(example)
        let audiences = renderer.applicableAudiences(for: state)
        #expect(!audiences.isEmpty)
        for audience in audiences {
            for format in audience.formats {
                let draft = try renderer.render(state, audience: audience.name, format: format, clock: Shipped.clock(for: state))
                let errors = draft.findings.filter { $0.severity == .error }
                #expect(errors.isEmpty, "\(example) × \(audience.name) × \(format.rawValue): \(errors.map { "\($0.line):\($0.column) [\($0.category.rawValue)/\($0.rule)] \($0.message) «\($0.match)»" })\n\(draft.lintedText)")
                #expect(!draft.output.isEmpty)
            }
        }
    }

    @Test func theReviewAppliesOnceResolvedAndIsADraftBefore() throws {
        let renderer = try Shipped.renderer()
        let open = try Shipped.state("checkout-identified.json")
        #expect(!renderer.applicableAudiences(for: open).map(\.name).contains("review"), "render --all and approve --all leave it out")
        let draft = try renderer.render(open, audience: "review", format: .text, clock: Shipped.clock(for: open))
        #expect(draft.output.contains("DRAFT: the incident is still open (Identified)."))
        let maintenance = try Shipped.state("maintenance-database-upgrade.json")
        #expect(throws: RenderError.self) { try renderer.render(maintenance, audience: "review", clock: Shipped.clock(for: maintenance)) }
        let resolved = try Shipped.state("search-resolved.json")
        #expect(renderer.applicableAudiences(for: resolved).map(\.name).contains("review"))
        #expect(try !renderer.render(resolved, audience: "review", format: .text, clock: Shipped.clock(for: resolved)).output.contains("DRAFT"))
    }

    func text(_ example: String, _ audience: String, format: OutputFormat = .text) throws -> String {
        let state = try Shipped.state(example)
        return try Shipped.renderer().render(state, audience: audience, format: format, clock: Shipped.clock(for: state)).output
    }

    @Test func engineeringHasTheTechnicalPicture() throws {
        let text = try text("checkout-investigating.json", "engineering")
        for expected in ["SEV1 INC-2041: Card payments failing at checkout", "Status: Investigating. Lead: Dana Kim. Comms: Priya Raman",
                         "Confirmed facts", "(support, F1): Support received six reports",
                         "Open hypotheses (unconfirmed)", "Hypothesis: A change to the callback signature check rejects valid provider callbacks. (H1, unconfirmed)",
                         "Next steps", "Compare callback payloads before and after 08:52. Owner: Marco Silva (in progress)",
                         "Checkout (payments-callback): Partly unavailable", "Payments dashboard: https://grafana.example.com/d/payments",
                         "Next update: by 09:40 UTC, in 15 minutes"] {
            #expect(text.contains(expected), "engineering lacks «\(expected)»\n\(text)")
        }
        let identified = try self.text("checkout-identified.json", "engineering")
        #expect(identified.contains("What we tried"))
        #expect(identified.contains("Hotfix the signature check to accept the older key: did not work (Marco Silva, 09:18 UTC)"))
    }

    @Test func customerNeverSeesHypothesesInternalNamesOrAnEstimate() throws {
        for example in ["checkout-investigating.json", "checkout-identified.json"] {
            let text = try text(example, "customer")
            for forbidden in ["signature check", "payments-callback", "storefront-web", "H1", "10:00 UTC", "Marco", "sev1", "SEV1", "release 2026"] {
                #expect(!text.contains(forbidden), "\(example): customer draft leaks «\(forbidden)»\n\(text)")
            }
            for expected in ["Card payments failing at checkout", "What is not working", "Complete a card payment at checkout",
                             "Customers can pay with PayPal or a gift card", "Checkout: Partly unavailable", "We will post the next update by",
                             "We are sorry"] {
                #expect(text.contains(expected), "\(example): customer lacks «\(expected)»")
            }
        }
    }

    @Test func maintenanceAndRetrospectiveHaveTheirOwnWording() throws {
        let maintenance = try text("maintenance-database-upgrade.json", "customer")
        #expect(maintenance.contains("We will carry out planned maintenance from Sun 29 Nov 02:00 UTC to Sun 29 Nov 04:00 UTC (2 hours)."))
        #expect(maintenance.contains("What will not work during the window"))
        #expect(!maintenance.contains("sorry"))
        let retrospective = try text("retrospective-email-delays.json", "customer")
        #expect(retrospective.contains("some of our customers were affected by a problem that is now resolved"))
        #expect(!retrospective.contains("next update"))
    }

    @Test func supportMacroHasAPasteableReplyAndAgentNotes() throws {
        let text = try text("mobile-login-monitoring.json", "support")
        let parts = text.components(separatedBy: "\n---\n")
        #expect(parts.count == 2)
        let reply = parts[0], notes = parts[1]
        #expect(reply.contains("Some people using our Android and iOS apps could not sign in, and some were signed out."))
        #expect(reply.contains("If you still have trouble: Sign in on the website"))
        #expect(reply.contains("We will post the next update by 15:35 UTC"))
        #expect(!reply.contains("Escalate"))
        #expect(!(reply.components(separatedBy: "Customer reply").last ?? reply).contains("INC-2044"), "the pasted reply carries no internal id")
        #expect(notes.contains("Incident: INC-2044"))
        #expect(notes.contains("Who was affected: Mobile app users signing in with email and password"), "the fix is in place (monitoring)")
        #expect(notes.contains("Do not say: that it is resolved, what caused it"))
        #expect(notes.contains("Escalate: #inc-2044 in Slack"))
        #expect(notes.contains("Not yet approved: draft, made 15:20 UTC"))
    }

    @Test func salesBriefQuotesNothingUnapprovedAndSaysWhatNotToSay() throws {
        let text = try text("checkout-identified.json", "sales")
        #expect(text.hasPrefix("Sales brief: Card payments failing at checkout (INC-2041)"))
        #expect(text.contains("Nothing has been approved for customers yet, so there is nothing to repeat."))
        #expect(!text.contains("> "), "no approval (a state file has no journal): nothing is quoted")
        #expect(text.contains("Segment: Merchants on the Growth and Enterprise plans"))
        #expect(text.contains("Do not say"))
        #expect(text.contains("Any time for the fix."))
        #expect(text.contains("Any credit, refund or discount."))
        #expect(text.contains("The next update is due by 09:55 UTC"))
        #expect(!text.contains("payments-callback"))
    }

    @Test func leadershipSeesNumbersOwnerAsksAndOnlyAConfirmedEstimate() throws {
        let text = try text("checkout-identified.json", "leadership")
        #expect(text.contains("412 failed card checkouts (as of 09:25 UTC)"))
        #expect(text.contains("38% of card checkouts failing"))
        #expect(text.contains("Owner: Dana Kim"))
        #expect(text.contains("Approve a goodwill credit"))
        #expect(text.contains("Card payments are about 70% of revenue"))
        #expect(!text.contains("Estimated fix"), "the example's ETA is only an estimate")
        var state = try Shipped.state("checkout-identified.json")
        state.eta = ETA(at: try ISO8601.parse("2026-11-24T10:00:00Z"), confidence: .confirmed)
        let confirmed = try Shipped.renderer().render(state, audience: "leadership", format: .text, clock: Shipped.clock(for: state)).output
        #expect(confirmed.contains("Estimated fix, confirmed by the incident lead: 10:00 UTC. This is an estimate, not a commitment."))
    }

    @Test func reviewIsBlamelessWithTimelineRootCauseWhysAndActionItems() throws {
        let text = try text("search-resolved.json", "review")
        for expected in ["Post-incident review: Search results were slow and incomplete", "This review is blameless",
                         "Timeline", "10:05 UTC: The problem started.", "Root cause", "Five whys",
                         "Why were searches slow?", "What went well", "Action items",
                         "Alert on indexer retry rate. Owner: Ines Duarte, due 2026-11-30",
                         "Ruled out: A slow query from the new ranking feature"] {
            #expect(text.contains(expected), "review lacks «\(expected)»\n\(text)")
        }
    }

    @Test func everyAudienceCarriesTheCorrection() throws {
        let state = try Shipped.state("checkout-identified.json")
        let renderer = try Shipped.renderer()
        for audience in renderer.applicableAudiences(for: state) {
            let text = try renderer.render(state, audience: audience.name, format: .text, clock: Shipped.clock(for: state)).output
            #expect(text.contains("Correction: earlier we said \"Customers may be charged twice for the same order.\" What is true now: No customer has been charged twice"), "\(audience.name)")
        }
    }

    /// QA #11: retracted words typed without a final period, or with double quotes inside, must
    /// not run into the next sentence or close the quote early, in any audience that shows them.
    @Test func correctionWordsTypedWithoutAPeriodStillEndTheirSentence() throws {
        var state = try Shipped.state("checkout-resolved.json")
        state.corrections = [Correction(said: "All invoices are lost", correct: "No invoices were lost", at: state.startedAt),
                             Correction(said: "We said \"quoted\" text", correct: "Nothing was quoted!", at: state.startedAt)]
        let renderer = try Shipped.renderer()
        var seen: [String] = []
        for audience in renderer.applicableAudiences(for: state) {
            let text = try renderer.render(state, audience: audience.name, format: .text, clock: Shipped.clock(for: state)).output
            #expect(!text.contains("lost\" What") && !text.contains("lost\u{201D} What") && !text.contains("\"quoted\""), "\(audience.name)\n\(text)")
            if text.contains("earlier we said \"All invoices are lost.\" What is true now: No invoices were lost.") {
                #expect(text.contains("earlier we said \"We said 'quoted' text.\" What is true now: Nothing was quoted!"), "\(audience.name)\n\(text)")
                seen.append(audience.name)
            }
            if audience.name == "sales" {
                #expect(text.contains("- \"All invoices are lost.\" That was wrong; what is true: No invoices were lost."), "\(text)")
            }
            if audience.name == "review" {
                #expect(text.contains("Correction: we had said \u{201C}All invoices are lost.\u{201D} What is true: No invoices were lost."), "\(text)")
                #expect(text.contains("\u{201C}We said 'quoted' text.\u{201D}"), "\(text)")
                seen.append(audience.name)
            }
        }
        #expect(Set(seen).isSuperset(of: ["customer", "support", "sales", "leadership", "engineering", "review"]), "\(seen)")
    }

    /// QA #13b: a maintenance moved to in_progress before its window began then; the customer
    /// and support drafts say when it really started, not the window's start still to come.
    @Test func aMaintenanceStartedBeforeItsWindowSaysWhenItReallyStarted() throws {
        let renderer = try Shipped.renderer()
        var running = try Shipped.state("maintenance-database-upgrade-in-progress.json")
        running.window = MaintenanceWindow(start: running.startedAt.addingTimeInterval(3600), end: running.startedAt.addingTimeInterval(3 * 3600))
        running.nextUpdateAt = running.window?.start
        for audience in ["customer", "support"] {
            let draft = try renderer.render(running, audience: audience, format: .text, clock: Shipped.clock(for: running))
            #expect(draft.output.contains("It started at 02:00 UTC and is planned to end at 05:00 UTC. The announced start was 03:00 UTC."),
                    "\(audience)\n\(draft.output)")
            #expect(!draft.output.contains("It started at 03:00"), "\(audience)\n\(draft.output)")
            #expect(draft.findings.filter { $0.severity == .error }.isEmpty, "\(audience): \(draft.findings.map(\.message))")
        }
        var done = try Shipped.state("maintenance-database-upgrade-completed.json")
        done.window = MaintenanceWindow(start: done.startedAt.addingTimeInterval(3600), end: done.startedAt.addingTimeInterval(3 * 3600))
        let draft = try renderer.render(done, audience: "customer", format: .text, clock: Shipped.clock(for: done))
        #expect(draft.output.contains("The planned maintenance, announced for 03:00 UTC to 05:00 UTC, started at 02:00 UTC and was completed at 03:40 UTC. Everything is working as usual."),
                "\(draft.output)")
        #expect(draft.findings.filter { $0.severity == .error }.isEmpty, "\(draft.findings.map(\.message))")
    }

    @Test func timesFollowTheZoneAndTheClock() throws {
        let state = try Shipped.state("checkout-investigating.json")
        let berlin = try #require(TimeZone(identifier: "Europe/Berlin"))
        let clock = RenderClock(now: try ISO8601.parse("2026-11-24T09:30:00Z"), timeZone: berlin)
        let text = try Shipped.renderer().render(state, audience: "customer", format: .text, clock: clock).output
        // The abbreviation readers use (QA #20: it was the POSIX "GMT+1").
        let zone = "CET"
        #expect(text.contains("We will post the next update by 10:40 \(zone)."), "\(text)")
        #expect(text.contains("updated 10:10 \(zone)"))
    }

    /// QA #20: readers expect "CET"/"CEST", "EST", "BST", not "GMT+1"; a zone without a
    /// common abbreviation keeps its offset.
    @Test func zonesAreNamedAsReadersKnowThem() throws {
        let winter = try ISO8601.parse("2026-11-24T09:40:00Z"), summer = try ISO8601.parse("2026-07-01T09:40:00Z")
        func name(_ zone: String, _ date: Date) throws -> String {
            RenderClock(now: date, timeZone: try #require(TimeZone(identifier: zone))).zoneName(at: date)
        }
        #expect(try name("Europe/Berlin", winter) == "CET")
        #expect(try name("Europe/Berlin", summer) == "CEST")
        #expect(try name("Europe/London", winter) == "GMT")
        #expect(try name("Europe/London", summer) == "BST")
        #expect(try name("America/New_York", winter) == "EST")
        #expect(try name("Asia/Tokyo", winter) == "GMT+9")
        #expect(try name("UTC", winter) == "UTC")
    }

    @Test func statuspageExportHasTheFieldsTheAPITakes() throws {
        let state = try Shipped.state("checkout-investigating.json")
        let draft = try Shipped.renderer().render(state, audience: "customer", format: .statuspage, clock: Shipped.clock(for: state))
        let node = try JSONParser.parse(draft.output)
        let incident = try #require(node["incident"])
        #expect(incident["name"]?.stringValue == "Card payments failing at checkout")
        #expect(incident["status"]?.stringValue == "investigating")
        #expect(incident["impact_override"]?.stringValue == "critical")
        #expect(incident["deliver_notifications"]?.value == .bool(true))
        // Only the affected component: the operational Website is context, not part of the incident.
        #expect(incident["component_ids"]?.elements?.compactMap(\.stringValue) == ["k7hx2m9q4r1t"])
        #expect(incident["components"]?["p3nd8v6c0w2z"] == nil)
        #expect(incident["components"]?["k7hx2m9q4r1t"]?.stringValue == "partial_outage")
        #expect(incident["body"]?.stringValue?.hasPrefix("**Status:** Investigating") == true)
        let quiet = try Shipped.renderer().render(state, audience: "customer", format: .statuspage, clock: Shipped.clock(for: state), deliverNotifications: false)
        #expect(try JSONParser.parse(quiet.output)["incident"]?["deliver_notifications"]?.value == .bool(false))
        #expect(throws: RenderError.self) { try Shipped.renderer().render(state, audience: "engineering", format: .statuspage, clock: Shipped.clock(for: state)) }
    }

    @Test func aStateValueCannotSwitchLintOffOrQuoteItsWayPast() throws {
        var state = try Shipped.state("checkout-investigating.json")
        func categories(_ summary: String, _ canDo: [String] = []) throws -> Set<String> {
            state.impact.summary = summary
            if !canDo.isEmpty { state.impact.canDo = canDo }
            let draft = try Shipped.renderer().render(state, audience: "customer", format: .text, clock: Shipped.clock(for: state))
            return Set(draft.findings.filter { $0.severity == .error }.map(\.category.rawValue))
        }
        // A suppression comment in a value is words, not a directive.
        #expect(try categories("Some customers cannot pay; it will be fixed within the hour. <!-- chorus-disable-line eta -->")
            .contains("eta"))
        // Nor can one value silence the next line.
        #expect(try categories("Some customers cannot pay by card.",
                               ["Pay by invoice <!-- chorus-disable-next-line eta speculation -->", "It is probably fixed within the hour"])
            .isSuperset(of: ["eta", "speculation"]))
        // Quotation marks in a value are still told to the reader: "probably" in quotes is speculation.
        #expect(try categories("Some customers cannot pay; it is \"probably\" a bad release, \u{201C}fixed within the hour\u{201D}.")
            .isSuperset(of: ["eta", "speculation"]))
    }

    @Test func aPublicNameThatIsTheInternalNameIsNoExemption() throws {
        var state = try Shipped.state("checkout-investigating.json")
        guard !state.components.isEmpty else { Issue.record("the example has no components"); return }
        state.components[0].internalName = "payments-db"
        state.components[0].publicName = "payments-db"
        let draft = try Shipped.renderer().render(state, audience: "customer", format: .text, clock: Shipped.clock(for: state))
        #expect(draft.output.contains("payments-db"))
        #expect(draft.findings.contains { $0.category == .internalName && $0.match == "payments-db" && $0.severity == .error },
                "\(draft.findings.map { "\($0.category.rawValue): \($0.match)" })")
    }

    @Test func lengthLimitsBecomeFindingsNotTruncation() throws {
        var state = try Shipped.state("checkout-investigating.json")
        state.impact.summary = String(repeating: "Customers cannot pay by card. ", count: 80)
        let draft = try Shipped.renderer().render(state, audience: "customer", format: .text, clock: Shipped.clock(for: state))
        #expect(draft.output.contains(state.impact.summary.trimmingCharacters(in: .whitespaces)))
        #expect(draft.findings.contains { $0.category == .length && $0.severity == .error })
    }
}

@Suite("Rendering limits")
struct RenderingLimitTests {
    @Test func slackSectionsStayWithinSlacksLimitAndNothingIsCut() throws {
        var state = try Shipped.state("checkout-investigating.json")
        state.impact.summary = (1...700).map { "word\($0)" }.joined(separator: " ")
        let draft = try Shipped.renderer().render(state, audience: "engineering", format: .slack, clock: Shipped.clock(for: state))
        let payload = try JSONParser.parse(draft.output)
        let texts = (payload["blocks"]?.elements ?? []).compactMap { $0["text"]?["text"]?.stringValue }
        #expect(texts.allSatisfy { $0.count <= 3000 }, "\(texts.map(\.count))")
        let joined = texts.joined(separator: " ")
        #expect(joined.contains("word1 ") && joined.contains("word700"))
        #expect(payload["text"]?.stringValue?.contains("word700") == true, "the fallback text is not cut either")
    }

    @Test func hugeNumbersDoNotCrash() {
        #expect(Quantity.format(1e20) == "100,000,000,000,000,000,000")
        #expect(Quantity.format(18_400) == "18,400")
        #expect(Quantity.format(12.5) == "12.5")
        #expect(Quantity.format(.infinity) == "—")
    }

    /// QA #16: separators at any magnitude; a small non-zero value is never shown as 0.
    @Test func numbersKeepSeparatorsAtAnyMagnitudeAndSmallValuesKeepTheirDigits() {
        #expect(Quantity.format(999_999_999_999_999) == "999,999,999,999,999")
        #expect(Quantity.format(1_000_000_000_000_000) == "1,000,000,000,000,000")
        #expect(Quantity.format(9_007_199_254_740_991) == "9,007,199,254,740,991")
        #expect(Quantity.format(1e16) == "10,000,000,000,000,000")
        #expect(Quantity.format(-1e16) == "-10,000,000,000,000,000")
        let huge = Quantity.format(1.5e308)
        #expect(huge.hasPrefix("150,000,000,") && huge.hasSuffix(",000") && !huge.contains("e"), "\(huge)")
        #expect(huge.filter(\.isNumber).count == 309)
        #expect(Quantity.format(0.001) == "0.001")
        #expect(Quantity.format(0.00123) == "0.0012")
        #expect(Quantity.format(-0.004) == "-0.004")
        #expect(Quantity.format(0.005) == "0.01")
        #expect(Quantity.format(0.125) == "0.13")
        #expect(Quantity.format(1234.5) == "1,234.5")
        #expect(Quantity.format(0) == "0")
        #expect(Quantity.format(-0.0) == "0")
        #expect(Quantity.format(-0.001) == "-0.001")
        #expect(Quantity.describe(value: 0.001, unit: "%", metric: "error rate") == "0.001% error rate")
    }
}
