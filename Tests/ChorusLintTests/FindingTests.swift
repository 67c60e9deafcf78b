@testable import ChorusLint
import Foundation
import Testing

@Suite("Findings as values")
struct FindingTests {
    @Test func offsetsCountUnicodeScalarsAndEndIsExclusive() throws {
        // "🚨" is one scalar (four bytes); "é" here is two scalars (e + U+0301).
        let text = "🚨 Cafe\u{301} update:\nit is probably the cache."
        let findings = try lint(text)
        let speculation = try #require(findings.first { $0.category == .speculation })
        let scalars = Array(text.unicodeScalars)
        #expect(String(String.UnicodeScalarView(scalars[speculation.start..<speculation.end])) == "probably")
        #expect(speculation.start == 22 && speculation.end == 30)
        #expect(speculation.line == 2 && speculation.column == 7)
        let jargon = try #require(findings.first { $0.category == .jargon })
        #expect(jargon.match == "cache" && jargon.line == 2 && jargon.column == 20)
    }

    @Test func aByteOrderMarkIsNoColumn() throws {
        // Editors do not show the mark: the first word of the file is at 1:1, the next line as usual.
        let findings = try lint("\u{FEFF}probably the cache.\nIt is probably fine.")
        let columns = findings.filter { $0.category == .speculation }.map { "\($0.line):\($0.column)" }
        #expect(columns == ["1:1", "2:7"])
    }

    @Test func findingsAreEquatableHashableAndCodableWithNullSuggestion() throws {
        let finding = Finding(rule: "speculation-cue", category: .speculation, severity: .error, message: "m", match: "probably",
                              start: 3, end: 11, line: 1, column: 4)
        let data = try JSONEncoder().encode(finding)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["suggestion"] is NSNull)
        #expect(object["fix"] == nil)
        #expect(object["category"] as? String == "speculation")
        #expect(try JSONDecoder().decode(Finding.self, from: data) == finding)
        #expect(Set([finding, finding]).count == 1)
    }

    @Test func findingsDroppedByTheAllowListLeaveTheRestWholeAndInOrder() throws {
        // Rules report in rule order; the linter sorts and drops what the allow list covers.
        let text = String(repeating: "Latency rose; we suspect payments-api and a rollback within the hour. ", count: 40)
            + "The ledger-db host 10.0.3.17 is probably fine."
        let all = try lint(text)
        let allowed = try lint(text, policy: LintPolicy(severities: phrasePolicy.severities, allow: ["payments-api", "latency"]))
        #expect(all.count > allowed.count && allowed.count > 0)
        #expect(allowed == all.filter { !["payments-api", "latency"].contains($0.match.lowercased()) })
        #expect(allowed.map(\.start) == allowed.map(\.start).sorted())
        #expect(allowed.allSatisfy { !$0.message.isEmpty && !$0.match.isEmpty })
    }

    @Test func findingsComeInTextOrder() throws {
        let findings = try lint("Latency rose; we suspect payments-api and expect a fix within the hour.")
        #expect(findings.map(\.start) == findings.map(\.start).sorted())
        #expect(findings.map(\.rule) == ["plain-language", "speculation-cue", "internal-identifier", "eta-estimate"])
    }
}

@Suite("Finding categories")
struct FindingCategoryTests {
    /// Severity tables are indexed by `ordinal`; it must be the category's place in `allCases`.
    @Test func ordinalsArePositionsInAllCases() {
        #expect(FindingCategory.allCases.map(\.ordinal) == Array(FindingCategory.allCases.indices))
    }
}
