@testable import ChorusLint
import Foundation
import Testing

/// Accuracy on real incident messages written by other organizations: the development corpus
/// `../shared/lint-corpus/corpus.jsonl` (or `$CHORUS_LINT_CORPUS`), scored as `chorus eval`
/// scores it. The floors are a ratchet: each stands at what the rules reach, so no change can
/// quietly lose accuracy; raise them when the rules improve.
@Suite("Corpus evaluation")
struct CorpusEvaluationTests {
    /// Minimum precision and recall per category on the development corpus.
    static let floors: [String: (precision: Double, recall: Double)] = [
        "speculation": (0.98, 0.98),
        "eta": (0.90, 0.92),
        "promise": (0.98, 0.98),
        "jargon": (0.95, 0.83),
        "blame": (0.93, 0.87),
        "minimizing": (0.98, 0.98),
    ]

    static var corpusURL: URL? {
        if let configured = ProcessInfo.processInfo.environment["CHORUS_LINT_CORPUS"], !configured.isEmpty {
            return URL(fileURLWithPath: configured)
        }
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()   // ChorusLintTests
            .deletingLastPathComponent()   // Tests
            .deletingLastPathComponent()   // package root
            .deletingLastPathComponent()   // its parent
            .appendingPathComponent("shared/lint-corpus/corpus.jsonl")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    @Test func everyCategoryStaysAtOrAboveItsFloorAndNoCadenceIsAnETA() throws {
        guard let url = Self.corpusURL else {
            print("CorpusEvaluationTests: skipped — the development corpus is not here (../shared/lint-corpus/corpus.jsonl; set CHORUS_LINT_CORPUS to its path)")
            return
        }
        let corpus = try LabelledCorpus.parse(String(contentsOf: url, encoding: .utf8))
        #expect(corpus.messages.count >= 500)
        let customer = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }))
        let result = CorpusEvaluation.evaluate(corpus, linter: try Shipped.linter, policy: customer)
        var table = "category      labelled  precision  recall     F1   (floors)\n"
        for category in CorpusEvaluation.categories {
            let score = try #require(result.scores[category])
            let floor = try #require(Self.floors[category])
            table += category.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "%10d %10.3f %7.3f %6.3f   (%.2f / %.2f)\n", score.labelled, score.precision, score.recall, score.f1,
                         floor.precision, floor.recall)
            #expect(score.precision >= floor.precision, "\(category) precision \(score.precision) < \(floor.precision)")
            #expect(score.recall >= floor.recall, "\(category) recall \(score.recall) < \(floor.recall)")
        }
        table += "update_cadence spans flagged as ETA: \(result.cadenceFlaggedAsEta) of \(result.cadenceSpans)\n"
        print(table)
        #expect(result.cadenceSpans >= 60)
        #expect(result.cadenceFlaggedAsEta == 0)
    }
}

@Suite("Labelled corpus")
struct LabelledCorpusTests {
    static let sample = """
        {"id": "acme-001", "org": "Acme (Cloud)", "text": "We suspect the cache. Next update in 30 minutes.", "labels": [{"category": "speculation", "text": "We suspect", "start": 0, "end": 10}, {"category": "jargon", "text": "cache", "start": 15, "end": 20}, {"category": "update_cadence", "text": "Next update in 30 minutes", "start": 22, "end": 47}]}

        {"id": "acme-002", "org": "Acme (Cloud)", "text": "Service is restored.", "labels": []}
        {"id": "other-001", "org": "Other Co", "text": "It should be back in 20 minutes.", "labels": [{"category": "eta", "start": 10, "end": 31}]}
        """

    @Test func parsesRecordsAndScoresWithOverlapMatching() throws {
        let corpus = try LabelledCorpus.parse(Self.sample)
        #expect(corpus.messages.map(\.id) == ["acme-001", "acme-002", "other-001"])
        #expect(corpus.messages[2].labels.first?.text == "be back in 20 minutes")
        let result = CorpusEvaluation.evaluate(corpus, linter: try Shipped.linter, policy: phrasePolicy)
        #expect(result.scores["speculation"]?.found == 1)
        #expect(result.scores["eta"]?.found == 1)
        #expect(result.scores["eta"]?.precision == 1)
        #expect(result.cadenceSpans == 1 && result.cadenceFlaggedAsEta == 0)
        #expect(result.mistakes.isEmpty, "\(result.mistakes)")
    }

    @Test func windowsLineEndsSeparateRecords() throws {
        let corpus = try LabelledCorpus.parse(Self.sample.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n")
        #expect(corpus.messages.map(\.id) == ["acme-001", "acme-002", "other-001"])
    }

    @Test func filtersOrganizationsByNameOrIdPrefix() throws {
        let corpus = try LabelledCorpus.parse(Self.sample)
        #expect(corpus.filtered(organizations: ["acme"], excluding: false).messages.count == 2)
        #expect(corpus.filtered(organizations: ["Other Co"], excluding: false).messages.count == 1)
        #expect(corpus.filtered(organizations: ["acme"], excluding: true).messages.map(\.id) == ["other-001"])
    }

    @Test func organizationNamesAreTheTeamsVocabulary() {
        #expect(CorpusEvaluation.organizationNames("Linode (Akamai Cloud)") == ["Linode", "Akamai Cloud", "Akamai"])
        #expect(CorpusEvaluation.organizationNames("Grafana Labs") == ["Grafana Labs", "Grafana"])
        #expect(CorpusEvaluation.organizationNames("DocuSign (CLM / SpringCM)") == ["DocuSign", "CLM", "SpringCM"])
    }

    @Test func everyProblemIsReportedWithItsLineAndColumn() {
        let bad = """
            {"id": "a-0", "org": "A", "text": "Hi", "labels": []}
            {"id": "a-1", "org": "A", "text": "Hi", "labels": [{"category": "speculaton", "start": 0, "end": 2}]}
            {"id": "a-2", "text": "Hi", "labels": [{"category": "eta", "start": 0, "end": 9}]}
            not json
            {"id": "a-0", "text": "again"}
            {"id": "a-3", "text": "Hi", "labels": [{"category": "eta", "start": 0, "end": 2, "text": "Ho"}]}
            {"id": "a-4", "text": "Hi", "labels": [{"category": "eta", "start": -1, "end": 1.5}]}
            """
        do {
            _ = try LabelledCorpus.parse(bad)
            Issue.record("expected problems")
        } catch {
            let messages = error.problems.map { "\($0.line): \($0.message)" }
            #expect(messages.count == 6)
            #expect(messages[0].hasPrefix("2: unknown category \"speculaton\"") && messages[0].hasSuffix("Did you mean \"speculation\"?"))
            #expect(messages[1] == "3: the span 0..<9 is not inside the text (2 characters)")
            #expect(messages[2].hasPrefix("4: "))
            #expect(messages[3] == "5: duplicate id \"a-0\" (first on line 1)")
            #expect(messages[4] == "6: \"text\" is not the text at 0..<2 (which is \"Hi\")")
            #expect(messages[5] == "7: \"start\" must be a whole number of characters from 0, not -1")
            #expect(error.problems.allSatisfy { $0.column >= 1 })
        }
    }
}
