@testable import ChorusLint
import Foundation
import Testing

/// Findings are held compactly (issue 10): a long text can have millions, so each one holds a
/// reference to a wording that the findings of its kind share, its match and its place — not
/// message, suggestion and fix strings of its own.
@Suite("Findings held compactly")
struct CompactFindingTests {
    @Test func aFindingIsAReferenceAMatchAndItsPlace() {
        // wording (8) + match (16) + start, end, line, column (32) + category, severity: 64 bytes.
        // A message, suggestion or fix stored per finding again would make it 80 or more.
        #expect(MemoryLayout<Finding>.stride <= 64)
    }

    @Test func findingsOfOneKindShareOneWording() throws {
        let text = String(repeating: "It is probably the cache. payments-api and `fly scale count 2` on db-7.internal at 10.0.3.17. ", count: 200)
            + "\nHypothesis: it is probably the cache.\nIt is probably fine. Probably."
        let findings = try lint(text)
        func wordings(_ rule: String, _ category: FindingCategory? = nil) -> Set<ObjectIdentifier> {
            Set(findings.filter { $0.rule == rule && (category == nil || $0.category == category) }.map { ObjectIdentifier($0.wording) })
        }
        #expect(findings.filter { $0.category == .speculation }.count == 202)
        #expect(findings.filter { $0.category == .labelledSpeculation }.count == 1)
        #expect(wordings("speculation-cue", .speculation).count == 1)
        #expect(wordings("speculation-cue", .labelledSpeculation).count == 1)
        #expect(wordings("internal-identifier").count == 1)
        #expect(wordings("code-in-text").count == 1)
        // One wording per kind of address: a hostname and an IP address.
        #expect(wordings("host-address").count == 2)
        #expect(wordings("plain-language").count == 1)

        let components = [ComponentName(internalName: "ledger-db", publicName: "Billing")]
        let named = try lint(String(repeating: "ledger-db is slow. ", count: 50), components: components)
            .filter { $0.rule == "component-name" }
        #expect(named.count == 50)
        #expect(Set(named.map { ObjectIdentifier($0.wording) }).count == 1)
    }

    @Test func sharedWordingsReadAsTheMessagesWrittenOut() throws {
        let findings = try lint("Hypothesis: it is probably the cache.\nWe saw payments-api fail on db-7.internal.",
                                components: [ComponentName(internalName: "payments-api", publicName: "Payments")])
        let messages = Dictionary(findings.map { ($0.match, $0.message) }, uniquingKeysWith: { first, _ in first })
        #expect(messages["payments-api"] == "'payments-api' is an internal component name; readers know it as 'Payments'")
        #expect(messages["db-7.internal"] == "'db-7.internal' is an internal hostname")
        let probably = try #require(findings.first { $0.match == "probably" })
        #expect(probably.category == .labelledSpeculation)
        #expect(probably.message.hasSuffix(" (in a section labelled as a hypothesis)"))
        #expect(probably.message.contains("probably"))
        // The same finding made with its message written out is equal, hashes alike and encodes alike.
        let written = Finding(rule: probably.rule, category: probably.category, severity: probably.severity,
                              message: probably.message, match: probably.match, start: probably.start, end: probably.end,
                              line: probably.line, column: probably.column, suggestion: probably.suggestion, fix: probably.fix)
        #expect(written == probably)
        #expect(Set([written, probably]).count == 1)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(written) == encoder.encode(probably))
        #expect(try JSONDecoder().decode(Finding.self, from: encoder.encode(probably)) == probably)
    }

    @Test func settingAPropertyChangesThatFindingOnly() throws {
        let findings = try lint("It is probably the cache. It is probably fine.")
            .filter { $0.category == .speculation }
        #expect(findings.count == 2)
        var first = findings[0]
        let message = first.message
        first.match = "perhaps"
        #expect(first.match == "perhaps" && first.message == message)
        first.suggestion = "say what is known"
        #expect(first.suggestion == "say what is known" && first.message == message)
        first.message = "{match} stays as written"
        #expect(first.message == "{match} stays as written")
        first.rule = "other"
        first.fix = "x"
        #expect(first.rule == "other" && first.fix == "x")
        #expect(findings[1].rule == "speculation-cue" && findings[1].message == message && findings[1].fix == nil)
        #expect(findings[1].suggestion != "say what is known")
    }

    @Test func sortingInPlaceKeepsTheOrderRulesReportedForTies() {
        // Starts, ends and rules with many ties, in a scrambled order.
        var generator = SystemRandomNumberGenerator()
        let rules = ["b-rule", "a-rule", "c-rule"]
        let findings = (0..<500).map { k in
            Finding(rule: rules[Int.random(in: 0..<3, using: &generator)], category: .jargon, severity: .error, message: "m\(k)",
                    match: "x", start: Int.random(in: 0..<40, using: &generator), end: Int.random(in: 40..<45, using: &generator),
                    line: 1, column: 1)
        }
        let expected = findings.enumerated().sorted { a, b in
            (a.element.start, a.element.end, a.element.rule, a.offset) < (b.element.start, b.element.end, b.element.rule, b.offset)
        }.map(\.element)
        var sorted = findings
        Linter.sortInTextOrder(&sorted)
        #expect(sorted.map(\.message) == expected.map(\.message))
        var again = sorted
        Linter.sortInTextOrder(&again)
        #expect(again.map(\.message) == expected.map(\.message))
    }
}
