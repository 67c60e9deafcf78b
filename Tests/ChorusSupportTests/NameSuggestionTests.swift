import ChorusSupport
import Testing

@Suite("Did you mean")
struct NameSuggestionTests {
    @Test func suggestsCloseNames() {
        #expect(NameSuggestion.closest(to: "--audence", among: ["--audience", "--all", "--format"]) == "--audience")
        #expect(NameSuggestion.closest(to: "nextUpdateAT", among: ["nextUpdateAt", "lastUpdatedAt"]) == "nextUpdateAt")
        #expect(NameSuggestion.closest(to: "next_update_at", among: ["nextUpdateAt"]) == "nextUpdateAt")
        #expect(NameSuggestion.closest(to: "stauts", among: ["status", "title"]) == "status")
    }

    @Test func staysQuietWhenNothingIsClose() {
        #expect(NameSuggestion.closest(to: "banana", among: ["status", "title"]) == nil)
        #expect(NameSuggestion.closest(to: "x", among: ["status"]) == nil)
    }

    @Test func distanceCountsTranspositionsOnce() {
        #expect(NameSuggestion.editDistance("ab", "ba") == 1)
        #expect(NameSuggestion.editDistance("kitten", "sitting") == 3)
        #expect(NameSuggestion.editDistance("", "abc") == 3)
    }
}

@Suite("Did you mean: prefixes")
struct NameSuggestionPrefixTests {
    @Test func aUniqueLongerNameThatStartsWithTheInputIsSuggested() {
        #expect(NameSuggestion.closest(to: "degraded", among: ["operational", "degraded_performance"]) == "degraded_performance")
        #expect(NameSuggestion.closest(to: "in", among: ["in_progress", "investigating"]) == nil)
        #expect(NameSuggestion.closest(to: "major", among: ["major_outage", "major_incident"]) == nil)
    }
}
