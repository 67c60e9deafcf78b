@testable import ChorusLint
import Testing

/// The context rules of the issue, each with its own test.
@Suite("Context")
struct ContextTests {
    @Test func updateCadenceIsNeverAnETA() throws {
        for text in ["Next update in 30 minutes.", "We will post another update by 10:40 UTC.", "We'll update you within the hour.",
                     "Our next update will be at 11:00 UTC.", "Next update: 15:30 UTC.",
                     "We will post the next update by Tue 24 Nov 09:40 UTC, in 2 hours 10 minutes."] {
            #expect(try found(text) == [], "\(text)")
        }
        // An ETA next to a cadence is still an ETA.
        #expect(try found("We expect a fix within the hour; next update in 30 minutes.") == ["eta: within the hour"])
    }

    @Test func cadencePhrasesSatisfyTheCadenceRequirement() throws {
        let policy = LintPolicy(severities: [.cadence: .error])
        #expect(try lint("We are investigating.", policy: policy).map(\.rule) == ["missing-cadence"])
        #expect(try lint("We are investigating. We'll update you within the hour.", policy: policy).map(\.rule) == [])
        // "Soon" names no time: it does not satisfy the requirement.
        #expect(try lint("We will share another update soon.", policy: policy).map(\.rule) == ["missing-cadence"])
    }

    @Test func negatedSpeculationIsNotSpeculation() throws {
        for text in ["We have not confirmed the cause.", "There is no evidence that customer data may have been affected.",
                     "We do not believe any payments were lost.", "We don't think this is related to last week."] {
            #expect(try found(text) == [], "\(text)")
        }
        // Negation reaches only within its clause.
        #expect(try found("We have not confirmed the cause, but it could be the network.") == ["speculation: could be"])
        #expect(try found("We have not confirmed it and it may be the network.") == ["speculation: may be"])
        #expect(try found("The database is probably not the cause.") == ["speculation: probably"])
    }

    @Test func labelledSectionsHoldLabelledSpeculation() throws {
        let engineering = LintPolicy(severities: [.speculation: .error, .labelledSpeculation: .off])
        let inline = "Hypothesis: the pool is probably exhausted,\n  likely by retries.\nWe suspect the disk too."
        #expect(try lint(inline).map { "\($0.category.rawValue): \($0.match)" }
            == ["labelled-speculation: probably", "labelled-speculation: likely", "speculation: We suspect"])
        #expect(try lint(inline, policy: engineering).map(\.match) == ["We suspect"])
        for label in ["Unconfirmed:", "Theory:", "**Hypothesis:**", "- Hypothesis:", "## Hypotheses\n-"] {
            #expect(try lint("\(label) it is likely the disk.").map(\.category) == [.labelledSpeculation], "\(label)")
        }
        // A header alone labels the list under it, up to the next header or unlisted paragraph.
        let section = "*Theories*\n- maybe the cache\n\n- possibly DNS\n\nNext steps:\n- it is probably worth a restart"
        #expect(try lint(section).map { "\($0.category.rawValue): \($0.match)" }
            == ["labelled-speculation: maybe", "jargon: cache", "labelled-speculation: possibly", "jargon: DNS", "speculation: probably"])
        // The word "theory" in running text is not a label.
        #expect(try lint("Theory suggests it is likely the disk.").map(\.category) == [.speculation])
    }

    @Test func codeSpansURLsAndQuotedTextAreSkipped() throws {
        // The phrase rules skip code (the code itself is reported once, as code in the text).
        #expect(try found("Run `probably --rollback` now.") == ["internal-name: probably --rollback"])
        #expect(try found("```\nwe suspect a rollback\n```\nAll clear.") == [])
        #expect(try found("See https://status.example.com/rollback-soon and www.example.com/latency.") == [])
        #expect(try found("A customer wrote \"probably a rollback\" and “latency is bad”.") == [])
        #expect(try found("> it probably broke\nWe are checking.") == [])
        #expect(try found("<p class=\"rollback\">All clear</p>") == [])
        // Skipped text breaks phrases around it.
        let noNames = LintPolicy(severities: phrasePolicy.severities.merging([.internalName: .off]) { $1 })
        #expect(try found("It looks `x` like rain.", policy: noNames) == [])
    }

    @Test func internalNamesAreStillFoundInCodeAndQuotesButNotInURLs() throws {
        #expect(try found("Restart `payments-api` now.") == ["internal-name: payments-api"])
        #expect(try found("A customer quoted \"auth_service failed\".") == ["internal-name: auth_service"])
        #expect(try found("See https://status.example.com/payments-api.") == [])
    }

    @Test func pastNarrativeAndNoEstimateAreNotETAs() throws {
        for text in ["By 14:20 UTC, error rates had returned to normal.", "The issue was resolved within 20 minutes.",
                     "We restored service within 20 minutes of the first alert.", "We do not have an ETA yet.",
                     "We are working to restore service as soon as possible.", "Please save your work before 02:00 UTC."] {
            #expect(try found(text) == [], "\(text)")
        }
    }

    @Test func plannedAndExpectedAfterADeterminerAreAdjectivesNotTheFuture() throws {
        // "the planned upgrade", "the expected fix": adjectives; the clause stays past narrative.
        for text in ["The planned upgrade was finished by 04:00 UTC.", "The expected fix was shipped within 2 hours of the report.",
                     "Our estimated repair was completed in 40 minutes.", "The outage was estimated at 30 minutes in total.",
                     "The work was expected to take two hours and took three."] {
            #expect(try found(text) == [], "\(text)")
        }
        // The same clauses in the future are estimates.
        #expect(try found("The planned upgrade will be finished by 04:00 UTC.") == ["eta: by 04:00 UTC"])
        #expect(try found("The repair is expected to finish within 40 minutes.") == ["eta: within 40 minutes"])
    }

    @Test func monthsAndImpactAreNotModals() throws {
        #expect(try found("The change shipped on May 3. Some customers may see slower pages.") == [])
        #expect(try found("It may be the disk.") == ["speculation: may be"])
        // The past test reads "May" next to a day or after a date preposition as the month: past
        // narrative dated in May is not an estimate, a date still to come is.
        #expect(try found("Refunds were issued on 3 May.") == [])
        #expect(try found("On 12 May we restored service within 20 minutes.") == [])
        #expect(try found("The outage on May 4 lasted until 16:00.") == [])
        #expect(try found("Refunds will be issued by 3 May.") == ["eta: by 3 May"])
        #expect(try found("It may be back within 20 minutes.") == ["eta: within 20 minutes"])
    }
}
