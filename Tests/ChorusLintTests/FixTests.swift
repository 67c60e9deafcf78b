@testable import ChorusLint
import Testing

@Suite("--fix")
struct FixTests {
    func fixed(_ text: String) throws -> String {
        try Shipped.linter.fix(text, policy: phrasePolicy).text
    }

    @Test func appliesSingleSubstitutesToTermsWrittenAsListed() throws {
        #expect(try fixed("Latency is high after the hotfix.") == "Slowness is high after the quick fix.")
        #expect(try fixed("We saw an API error and a DNS problem.") == "We saw a programming interface error and an address lookup problem.")
    }

    @Test func leavesAmbiguousInflectedAndNonJargonFindingsAlone() throws {
        let text = "We rolled back the deploy; it is probably fine."
        let result = try Shipped.linter.fix(text, policy: phrasePolicy)
        #expect(result.text == text)
        #expect(result.applied.isEmpty)
        #expect(result.remaining.map(\.match) == ["rolled back", "deploy", "probably"])
    }

    @Test func aSubstituteMustAgreeWithTheVerbAfterIt() throws {
        // "config" -> "settings" changes the number: not before a singular verb.
        #expect(try fixed("The config was wrong.") == "The config was wrong.")
        #expect(try fixed("Our config has changed.") == "Our config has changed.")
        // Where no verb says the number, the substitute fits.
        #expect(try fixed("The config caused it.") == "The settings caused it.")
    }

    @Test func offFindingsAndAllowedTermsAreNotApplied() throws {
        let allow = LintPolicy(severities: [:], allow: ["latency"])
        #expect(try Shipped.linter.fix("Latency and the hotfix.", policy: allow).text == "Latency and the quick fix.")
        let off = LintPolicy(severities: [.jargon: .off])
        #expect(try Shipped.linter.fix("Latency and the hotfix.", policy: off).text == "Latency and the hotfix.")
    }
}
