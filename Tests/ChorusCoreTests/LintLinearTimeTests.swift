import ChorusCore
import ChorusLint
import ChorusTestSupport
import Foundation
import Testing

/// Lint and `--fix` cost in proportion to the text, also on one long line of non-ASCII text
/// with a finding every few words (issue 10: 20,000 findings on one 180 KB line took 2.8 s).
@Suite("Linear time: lint and --fix")
struct LintLinearTimeTests {
    static let linter = Result { try DraftRenderer.load(audiences: Repository.audiences, phrasebook: Repository.phrasebook).linter }
    static let policy = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }))

    /// One line: `count` times "Ça a probablement … we probably fixed it — ", a speculation
    /// finding in every piece, accents and an em dash so the text is not ASCII.
    static func nonASCIILine(pieces count: Int) -> String {
        String(repeating: "Ça va — we probably fixed it. ", count: count)
    }

    @Test func manyFindingsOnOneLongNonASCIILineCostInProportion() throws {
        let linter = try Self.linter.get()
        let small = Self.nonASCIILine(pieces: 2_500), large = Self.nonASCIILine(pieces: 10_000)
        var findings: [Finding] = []
        let (smallTime, largeTime, ratio) = GrowthRatio.measure(small: { _ = linter.lint(small, policy: Self.policy) },
                                                                large: { findings = linter.lint(large, policy: Self.policy) })
        print("lint, one non-ASCII line: 2,500 pieces \(smallTime) s, 10,000 pieces \(largeTime) s, ×\(ratio) for ×4 the input")
        #expect(ratio < 9, "×4 the text cost ×\(ratio) (quadratic would be ×16)")
        let speculation = findings.filter { $0.category == .speculation }
        #expect(speculation.count == 10_000, "one finding per piece")
        // The positions are still exact: scalar offsets and columns on the one line.
        let scalars = Array(large.unicodeScalars)
        for finding in speculation.prefix(3) + speculation.suffix(3) {
            #expect(String(String.UnicodeScalarView(scalars[finding.start..<finding.end])) == finding.match)
            #expect(finding.line == 1 && finding.column == finding.start + 1)
        }
    }

    /// `lint --fix` on 10 MB took 61 s against 1.2 s for lint.
    @Test func fixCostsInProportionToTheText() throws {
        let linter = try Self.linter.get()
        let piece = "Ça va — the config broke. "
        let small = String(repeating: piece, count: 2_000), large = String(repeating: piece, count: 8_000)
        var fixed = ""
        let (smallTime, largeTime, ratio) = GrowthRatio.measure(small: { _ = linter.fix(small, policy: Self.policy) },
                                                                large: { fixed = linter.fix(large, policy: Self.policy).text })
        print("lint --fix: 2,000 pieces \(smallTime) s, 8,000 pieces \(largeTime) s, ×\(ratio) for ×4 the input")
        #expect(ratio < 9, "×4 the text cost ×\(ratio) (quadratic would be ×16)")
        let start = String(fixed.prefix(60)), leftover = fixed.contains("config")
        #expect(start.hasPrefix("Ça va — the settings"), "\(start)")
        #expect(!leftover, "every config was replaced")
    }

    /// Emoji (four-byte scalars, modifiers) with a finding in every sentence.
    @Test func emojiCostInProportion() throws {
        let linter = try Self.linter.get()
        let piece = "🔥🚀 probably 👍🏽. "
        let small = String(repeating: piece, count: 2_500), large = String(repeating: piece, count: 10_000)
        let (smallTime, largeTime, ratio) = GrowthRatio.measure(small: { _ = linter.lint(small, policy: Self.policy) },
                                                                large: { _ = linter.lint(large, policy: Self.policy) })
        print("lint, emoji: 2,500 pieces \(smallTime) s, 10,000 pieces \(largeTime) s, ×\(ratio) for ×4 the input")
        #expect(ratio < 9, "×4 the text cost ×\(ratio) (quadratic would be ×16)")
    }

    /// Text with no sentence or clause end and a finding every few words: each finding's
    /// conditions (tense, subject, "clause has", "before has"…) are about the one endless clause,
    /// which is read once, not once per finding (2,000 and 4,000 pieces took 30 s and 120 s).
    @Test func manyFindingsInOneEndlessClauseCostInProportion() throws {
        let linter = try Self.linter.get()
        let piece = "the cache probably broke uploads for a short while "
        let small = String(repeating: piece, count: 500), large = String(repeating: piece, count: 2_000)
        var findings: [Finding] = []
        let (smallTime, largeTime, ratio) = GrowthRatio.measure(small: { _ = linter.lint(small, policy: Self.policy) },
                                                                large: { findings = linter.lint(large, policy: Self.policy) })
        print("lint, one endless clause: 500 pieces \(smallTime) s, 2,000 pieces \(largeTime) s, ×\(ratio) for ×4 the input")
        #expect(ratio < 9, "×4 the text cost ×\(ratio) (quadratic would be ×16)")
        #expect(findings.filter { $0.category == .speculation }.count == 2_000, "a speculation finding in every piece")
        #expect(findings.filter { $0.category == .minimizing }.count == 2_000, "a minimizing finding in every piece")
    }
}
