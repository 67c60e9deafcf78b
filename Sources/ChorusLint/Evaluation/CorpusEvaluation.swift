/// Precision, recall and F1 of the linter per category on a labelled corpus, with overlap
/// matching as the corpus README describes: a finding is correct when it overlaps a labelled
/// span of its category, and a labelled span is found when any finding of its category overlaps it.
///
/// Finding categories map onto the corpus's: `labelled-speculation` counts as `speculation` and
/// `internal-name` as `jargon` (the corpus labels internal hosts and identifiers as jargon).
/// `update_cadence` is a positive feature, not a flag: what is measured is how many cadence
/// spans an ETA finding overlaps (it should be none).
public struct CorpusEvaluation: Sendable {
    /// The flag categories scored, in report order.
    public static let categories = ["speculation", "eta", "promise", "jargon", "blame", "minimizing"]

    /// The corpus category a finding counts for, if any.
    public static func corpusCategory(of category: FindingCategory) -> String? {
        switch category {
        case .speculation, .labelledSpeculation: "speculation"
        case .eta: "eta"
        case .promise: "promise"
        case .jargon, .internalName: "jargon"
        case .blame: "blame"
        case .minimizing: "minimizing"
        case .length, .cadence, .suppression: nil
        }
    }

    /// Counts for one category.
    public struct Score: Sendable, Equatable {
        /// Labelled spans, and those some finding overlaps.
        public var labelled = 0
        public var found = 0
        /// Findings, and those overlapping a labelled span.
        public var reported = 0
        public var correct = 0
        /// Messages with at least one label / one finding / both.
        public var labelledMessages = 0
        public var flaggedMessages = 0
        public var agreeingMessages = 0

        public var precision: Double { reported == 0 ? 1 : Double(correct) / Double(reported) }
        public var recall: Double { labelled == 0 ? 1 : Double(found) / Double(labelled) }
        public var f1: Double {
            let (p, r) = (precision, recall)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        /// Per message: does the linter flag the category at all where a label says it should?
        public var messagePrecision: Double { flaggedMessages == 0 ? 1 : Double(agreeingMessages) / Double(flaggedMessages) }
        public var messageRecall: Double { labelledMessages == 0 ? 1 : Double(agreeingMessages) / Double(labelledMessages) }
    }

    /// A labelled span no finding overlaps, or a finding that overlaps no labelled span.
    public struct Mistake: Sendable, Equatable {
        public enum Kind: String, Sendable { case miss, falseAlarm = "false-alarm" }
        public var kind: Kind
        public var category: String
        public var messageID: String
        public var start: Int
        public var end: Int
        /// The span's or the finding's text.
        public var text: String
        /// The sentence around it, on one line.
        public var context: String
        /// For a false alarm, the rule that reported it.
        public var rule: String?
    }

    public var messageCount: Int
    public var scores: [String: Score]
    /// `update_cadence` spans, and those an ETA finding overlaps.
    public var cadenceSpans: Int
    public var cadenceFlaggedAsEta: Int
    public var mistakes: [Mistake]

    /// Lints every message under `policy` and scores the findings.
    public static func evaluate(_ corpus: LabelledCorpus, linter: Linter, policy: LintPolicy) -> CorpusEvaluation {
        var scores = Dictionary(uniqueKeysWithValues: categories.map { ($0, Score()) })
        var cadenceSpans = 0, cadenceFlagged = 0
        var mistakes: [Mistake] = []
        for message in corpus.messages {
            let findings = linter.lint(message.text, policy: policy, vocabulary: organizationNames(message.org))
            let scalars = Array(message.text.unicodeScalars)
            var predicted: [String: [Finding]] = [:]
            for finding in findings {
                if let category = corpusCategory(of: finding.category) { predicted[category, default: []].append(finding) }
            }
            for label in message.labels where label.category == "update_cadence" {
                cadenceSpans += 1
                if (predicted["eta"] ?? []).contains(where: { overlaps($0.start, $0.end, label.start, label.end) }) {
                    cadenceFlagged += 1
                }
            }
            for category in categories {
                let gold = message.labels.filter { $0.category == category }
                let found = predicted[category] ?? []
                var score = scores[category] ?? Score()
                score.labelled += gold.count
                score.reported += found.count
                if !gold.isEmpty { score.labelledMessages += 1 }
                if !found.isEmpty { score.flaggedMessages += 1 }
                if !gold.isEmpty, !found.isEmpty { score.agreeingMessages += 1 }
                for label in gold {
                    if found.contains(where: { overlaps($0.start, $0.end, label.start, label.end) }) {
                        score.found += 1
                    } else {
                        mistakes.append(Mistake(kind: .miss, category: category, messageID: message.id, start: label.start,
                                                end: label.end, text: label.text,
                                                context: sentence(around: label.start, label.end, in: scalars), rule: nil))
                    }
                }
                for finding in found {
                    if gold.contains(where: { overlaps(finding.start, finding.end, $0.start, $0.end) }) {
                        score.correct += 1
                    } else {
                        mistakes.append(Mistake(kind: .falseAlarm, category: category, messageID: message.id,
                                                start: finding.start, end: finding.end, text: finding.match,
                                                context: sentence(around: finding.start, finding.end, in: scalars),
                                                rule: finding.rule))
                    }
                }
                scores[category] = score
            }
        }
        return CorpusEvaluation(messageCount: corpus.messages.count, scores: scores, cadenceSpans: cadenceSpans,
                                cadenceFlaggedAsEta: cadenceFlagged, mistakes: mistakes)
    }

    /// The names a message's organization would declare as its own vocabulary, read from the
    /// corpus's `org` field: the name, each part in parentheses (split at `/` and `,`), and the
    /// first word of a name of several words ("Grafana Labs" → "Grafana"). A team declares its
    /// names once; the evaluation does the same for every organization of the corpus.
    public static func organizationNames(_ org: String) -> [String] {
        var names: [String] = []
        var outside = "", inside = ""
        var depth = 0
        for character in org {
            if character == "(" { depth += 1; inside += ","; continue }
            if character == ")" { depth = max(0, depth - 1); continue }
            if depth > 0 { inside.append(character) } else { outside.append(character) }
        }
        for part in [outside] + inside.split(whereSeparator: { $0 == "," || $0 == "/" }).map(String.init) {
            let name = part.split(separator: " ").joined(separator: " ")
            guard !name.isEmpty else { continue }
            names.append(name)
            let words = name.split(separator: " ")
            if words.count > 1, let first = words.first, first.count >= 3, first.first?.isUppercase == true {
                names.append(String(first))
            }
        }
        return names
    }

    static func overlaps(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Bool {
        a < d && c < b
    }

    /// The text from the sentence start before `start` to the sentence end after `end`, with line
    /// breaks as spaces, at most about 240 characters.
    static func sentence(around start: Int, _ end: Int, in scalars: [Unicode.Scalar]) -> String {
        func isEnd(_ k: Int) -> Bool {
            let s = scalars[k]
            if s == "\n" { return true }
            return (s == "." || s == "!" || s == "?") && (k + 1 == scalars.count || scalars[k + 1] == " " || scalars[k + 1] == "\n")
        }
        var from = min(start, scalars.count)
        while from > 0, start - from < 160, !isEnd(from - 1) { from -= 1 }
        var to = min(end, scalars.count)
        while to < scalars.count, to - end < 160, !isEnd(to) { to += 1 }
        if to < scalars.count { to += 1 }
        var text = String(String.UnicodeScalarView(scalars[from..<to]))
        text = text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
        return text.trimmingCharacters(in: " ")
    }
}

private extension String {
    func trimmingCharacters(in set: Character) -> String {
        var s = Substring(self)
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
