import ChorusLint
import ChorusSupport
import Foundation

/// How `chorus eval` prints a corpus evaluation: a table, or JSON.
enum EvaluationReport {
    static func text(_ result: CorpusEvaluation, corpus: String, audience: String, show: Int, only: String?) -> String {
        var out = "\(TerminalText.escaped(corpus)): \(result.messageCount) \(result.messageCount == 1 ? "message" : "messages"), \(audience) policy\n\n"
        out += "category       labelled  found  reported  correct  precision  recall     F1   messages P / R\n"
        for category in CorpusEvaluation.categories {
            guard let s = result.scores[category] else { continue }
            out += pad(category, 13) + lpad(s.labelled, 10) + lpad(s.found, 7) + lpad(s.reported, 10) + lpad(s.correct, 9)
                + lpad(fixed(s.precision), 11) + lpad(fixed(s.recall), 8) + lpad(fixed(s.f1), 7)
                + "   " + fixed(s.messagePrecision) + " / " + fixed(s.messageRecall) + "\n"
        }
        out += "\nupdate_cadence spans flagged as ETA: \(result.cadenceFlaggedAsEta) of \(result.cadenceSpans)\n"
        guard show > 0 else { return out }
        for category in CorpusEvaluation.categories where only == nil || only == category {
            for kind in [CorpusEvaluation.Mistake.Kind.miss, .falseAlarm] {
                let all = result.mistakes.filter { $0.category == category && $0.kind == kind }
                guard !all.isEmpty else { continue }
                let title = kind == .miss ? "missed" : "false alarms"
                out += "\n\(category) \(title) (\(min(show, all.count)) of \(all.count)):\n"
                for mistake in all.prefix(show) {
                    let rule = mistake.rule.map { " [\($0)]" } ?? ""
                    out += "  \(TerminalText.escaped(mistake.messageID)) \"\(TerminalText.escaped(mistake.text))\"\(rule): "
                        + TerminalText.escaped(mistake.context) + "\n"
                }
            }
        }
        return out
    }

    static func json(_ result: CorpusEvaluation, show: Int, only: String?) -> JSONOutput {
        func ratio(_ x: Double) -> JSONOutput { .double((x * 10_000).rounded() / 10_000) }
        var categories: [(String, JSONOutput)] = []
        for category in CorpusEvaluation.categories {
            guard let s = result.scores[category] else { continue }
            categories.append((category, .object([
                ("labelled", .int(s.labelled)), ("found", .int(s.found)), ("reported", .int(s.reported)),
                ("correct", .int(s.correct)), ("precision", ratio(s.precision)), ("recall", ratio(s.recall)),
                ("f1", ratio(s.f1)), ("messagePrecision", ratio(s.messagePrecision)),
                ("messageRecall", ratio(s.messageRecall)),
            ])))
        }
        var members: [(String, JSONOutput)] = [
            ("messages", .int(result.messageCount)),
            ("categories", .object(categories)),
            ("updateCadence", .object([("spans", .int(result.cadenceSpans)), ("flaggedAsEta", .int(result.cadenceFlaggedAsEta))])),
        ]
        if show > 0 {
            var mistakes: [JSONOutput] = []
            for category in CorpusEvaluation.categories where only == nil || only == category {
                for kind in [CorpusEvaluation.Mistake.Kind.miss, .falseAlarm] {
                    for m in result.mistakes.filter({ $0.category == category && $0.kind == kind }).prefix(show) {
                        var fields: [(String, JSONOutput)] = [
                            ("kind", .string(m.kind.rawValue)), ("category", .string(m.category)), ("id", .string(m.messageID)),
                            ("start", .int(m.start)), ("end", .int(m.end)), ("text", .string(m.text)), ("context", .string(m.context)),
                        ]
                        if let rule = m.rule { fields.append(("rule", .string(rule))) }
                        mistakes.append(.object(fields))
                    }
                }
            }
            members.append(("mistakes", .array(mistakes)))
        }
        return .object(members)
    }

    private static func fixed(_ x: Double) -> String { String(format: "%.2f", x) }
    private static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s + " " : s + String(repeating: " ", count: n - s.count) }
    private static func lpad(_ i: Int, _ n: Int) -> String { lpad(String(i), n) }
    private static func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? " " + s : String(repeating: " ", count: n - s.count) + s }
}
