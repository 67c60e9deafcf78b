@testable import ChorusLint
import Foundation
import Testing

/// The compiled phrasebook written to bytes and read back lints exactly as the one compiled
/// from the text, and damaged bytes are refused, never trusted and never a crash.
@Suite("Compiled phrasebook")
struct CompiledPhrasebookTests {
    static let policy = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }))

    /// Texts to lint: the regression set and every rule example (own words, many kinds).
    static func texts() throws -> [String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("evaluation.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        let evaluation = lines.filter { !$0.hasPrefix("#") }.compactMap { $0.split(separator: "\t", maxSplits: 1).last.map(String.init) }
        let examples = Linter.rules.flatMap { ($0.triggeringExamples + $0.nonTriggeringExamples).map(\.text) }
        return evaluation + examples
    }

    static func describe(_ findings: [Finding]) -> [String] {
        findings.map { "\($0.rule) \($0.category) \($0.start)-\($0.end) \($0.line):\($0.column) \($0.message) \($0.suggestion ?? "-") \($0.fix ?? "-")" }
    }

    @Test func readBackLintsExactlyAsCompiled() throws {
        let compiled = try Shipped.phrasebook
        let bytes = compiled.compiledForm()
        // (Not `#require(Phrasebook(compiledForm: bytes))`: a failure would print the megabyte.)
        let decoded = Phrasebook(compiledForm: bytes)
        try #require(decoded != nil, "the compiled form of the shipped phrasebook reads back")
        guard let readBack = decoded else { return }
        #expect(readBack.entries == compiled.entries)
        #expect(readBack.identifierParts == compiled.identifierParts && readBack.hostLabels == compiled.hostLabels)
        #expect(readBack.files == compiled.files && readBack.wordClassCount == compiled.wordClassCount)
        #expect(readBack.compiledForm() == bytes, "writing the read-back phrasebook gives the same bytes")
        let (a, b) = (Linter(phrasebook: compiled), Linter(phrasebook: readBack))
        let texts = try Self.texts()
        #expect(texts.count > 300)
        var differing = 0
        for text in texts where Self.describe(a.lint(text, policy: Self.policy)) != Self.describe(b.lint(text, policy: Self.policy)) {
            differing += 1
            Issue.record("lints differently after reading back: \(text)")
        }
        #expect(differing == 0)
    }
}
