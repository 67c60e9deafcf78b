@testable import ChorusLint
import Testing

@Suite("Matching")
struct MatchingTests {
    @Test func inflectedFormsAreGeneratedFromTheListedWord() {
        #expect(Set(Inflection.forms(of: "restore")).isSuperset(of: ["restores", "restored", "restoring"]))
        #expect(Set(Inflection.forms(of: "delay")).isSuperset(of: ["delays", "delayed"]))
        #expect(Set(Inflection.forms(of: "stop")).isSuperset(of: ["stopped", "stopping"]))
        #expect(Set(Inflection.forms(of: "retry")).isSuperset(of: ["retries", "retried"]))
        #expect(Set(Inflection.forms(of: "take")).isSuperset(of: ["took", "taken"]))
        #expect(Inflection.forms(of: "the") == ["the"])
        #expect(Inflection.forms(of: "was") == ["was"])
    }

    @Test func multiWordTermsMatchTheirInflectionsAndJoinedSpellings() throws {
        for text in ["We will roll back the change.", "We rolled back the change.", "We are rolling back the change.",
                     "We started a rollback.", "Two rollbacks ran.", "A roll-back ran."] {
            #expect(try lint(text).filter { $0.category == .jargon }.count == 1, "\(text)")
        }
    }

    @Test func caseInsensitiveAndLongestMatchFirst() throws {
        // "database replica" beats "replica".
        #expect(try found("The DATABASE REPLICA lagged.") == ["jargon: DATABASE REPLICA"])
        #expect(try found("Service will be restored by 14:00 UTC.") == ["eta: by 14:00 UTC"])
    }

    @Test func differentCategoriesMayOverlap() throws {
        #expect(try found("We guarantee a fix by end of day.") == ["promise: We guarantee", "eta: by end of day"])
    }

    @Test func phrasesDoNotCrossSentencesOrClauses() throws {
        #expect(try found("It looks. Like a bug.") == [])
        #expect(try found("The fix is ready; within the hour we will know more.") == [])
    }

    @Test func gapsSpanWordsButNotSentences() throws {
        let book = try Phrasebook.parse([(name: "t.txt", text: """
            [pattern promise]
            message: {match}
            ensure {up to 3 words} never happens
            """)])
        let linter = Linter(phrasebook: book)
        #expect(linter.lint("We ensure this kind of outage never happens.", policy: phrasePolicy).map(\.match) == [])
        #expect(linter.lint("We ensure this outage never happens.", policy: phrasePolicy).map(\.match) == ["ensure this outage never happens"])
        #expect(linter.lint("We ensure it. Never happens.", policy: phrasePolicy).map(\.match) == [])
    }

    @Test func notMatchesAnyWordButTheListedOnes() throws {
        let book = try Phrasebook.parse([(name: "t.txt", text: """
            [pattern speculation]
            message: {match}
            seemed to !(be|have)
            """)])
        let linter = Linter(phrasebook: book)
        #expect(linter.lint("It seemed to resolve.", policy: phrasePolicy).map(\.match) == ["seemed to resolve"])
        #expect(linter.lint("It seemed to be down.", policy: phrasePolicy).map(\.match) == [])
    }

    @Test func precededByIsCheckedWhereTheMatchCanStartEarliest() throws {
        let book = try Phrasebook.parse([(name: "t.txt", text: """
            [pattern blame]
            message: {match}
            unless: preceded by (with|from)
            [(our|their)] [upstream] vendor
            [pattern minimizing]
            message: {match}
            when: preceded by (was|were)
            [(very|quite)] brief
            """)])
        let linter = Linter(phrasebook: book)
        func matches(_ text: String) -> [String] { linter.lint(text, policy: phrasePolicy).map(\.match) }
        #expect(matches("The cause was our vendor.") == ["our vendor"])
        #expect(matches("The cause was our upstream vendor.") == ["our upstream vendor"])
        // The optional words are part of the match: it may not start after them and so dodge
        // "preceded by with".
        #expect(matches("We worked with our vendor all night.") == [])
        #expect(matches("We heard from their upstream vendor at noon.") == [])
        // `when: preceded by` is judged at the earliest start as well.
        #expect(matches("The outage was very brief.") == ["very brief"])
        #expect(matches("It was a very brief outage.") == [])
    }

    @Test func costDoesNotGrowWithThePhrasebook() throws {
        // 10,000 extra terms compile, match, and change nothing for text that has none of them.
        // Letters only, so the terms are not identifiers the shipped rules would report anyway.
        func letters(_ n: Int) -> String {
            var n = n, out = ""
            repeat { out.append(Character(Unicode.Scalar(UInt8(97 + n % 26)))); n /= 26 } while n > 0
            return out
        }
        var lines = ["[substitution jargon]", "message: {match}"]
        for k in 0..<10_000 { lines.append("zq\(letters(k))term alpha\(letters(k)) => plain \(k)") }
        let shipped = try Shipped.phrasebook
        var files = try shipped.files.map { (name: $0, text: try String(contentsOfFile: $0, encoding: .utf8)) }
        files.append((name: "generated.txt", text: lines.joined(separator: "\n")))
        let large = try Phrasebook.parse(files)
        #expect(large.entries.count == shipped.entries.count + 10_000)
        let text = "We suspect a rollback; ETA 14:00. Zq\(letters(77))term alpha\(letters(77)) too."
        let small = Linter(phrasebook: shipped).lint(text, policy: phrasePolicy).map(\.match)
        let big = Linter(phrasebook: large).lint(text, policy: phrasePolicy).map(\.match)
        #expect(small.contains("rollback"))
        #expect(big == small + ["Zq\(letters(77))term alpha\(letters(77))"])
    }
}
