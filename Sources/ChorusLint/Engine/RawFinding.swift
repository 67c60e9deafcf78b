/// Findings as rules report them, before the linter applies the policy: `start`/`end` are still
/// UTF-8 byte offsets and `line`/`column` are unset. Each finding has the phrasebook term behind
/// it (checked against the allow list) in the parallel `terms`.
struct RawFindings {
    var findings: [Finding] = []
    var terms: [String?] = []

    var count: Int { findings.count }

    /// Adds a finding worded by `wording`, which findings of the same kind share: a rule makes
    /// one per kind of message, not one per finding.
    mutating func append(_ wording: FindingWording, category: FindingCategory, start: Int, end: Int, match: String,
                         term: String?) {
        findings.append(Finding(wording: wording, category: category, severity: .error, match: match,
                                start: start, end: end, line: 0, column: 0))
        terms.append(term)
    }

    /// Keeps the findings (and their terms) `isKept` says to keep, in order, in place.
    mutating func keep(where isKept: (Finding) -> Bool) {
        var kept = 0
        for k in findings.indices where isKept(findings[k]) {
            if kept != k {
                findings[kept] = findings[k]
                terms[kept] = terms[k]
            }
            kept += 1
        }
        findings.removeLast(findings.count - kept)
        terms.removeLast(terms.count - kept)
    }

    /// Adds a finding with a message of its own, for findings there are only a few of (a draft's
    /// length, a missing cadence, a stale suppression).
    mutating func append(rule: String, category: FindingCategory, start: Int, end: Int, match: String, message: String,
                         suggestion: String?, fix: String? = nil, term: String?) {
        append(FindingWording(rule: rule, message: message, suggestion: suggestion, fix: fix), category: category,
               start: start, end: end, match: match, term: term)
    }
}

/// What every rule gets to look at.
struct RuleContext {
    let text: String
    let document: Document
    let phrasebook: Phrasebook
    let policy: LintPolicy
    let components: [ComponentName]
}
