extension Linter {
    /// The text with every unambiguous substitution applied (`Finding.fix`), as `chorus lint --fix`
    /// prints it. Findings the policy turns off or allows are not applied. An article right
    /// before a replaced term follows the replacement ("an API" → "a programming interface").
    public func fix(_ text: String, policy: LintPolicy, componentNames: [ComponentName] = []) -> FixResult {
        let findings = lint(text, policy: policy, componentNames: componentNames)
        var scalars = Array(text.unicodeScalars)
        var applied: [Finding] = []
        var remaining: [Finding] = []
        var lastEnd = -1
        for finding in findings {
            if finding.fix != nil, finding.start >= lastEnd, finding.end > finding.start {
                applied.append(finding)
                lastEnd = finding.end
            } else {
                remaining.append(finding)
            }
        }
        for finding in applied.reversed() {
            let replacement = Array((finding.fix ?? finding.match).unicodeScalars)
            scalars.replaceSubrange(finding.start..<finding.end, with: replacement)
            Linter.agreeArticle(in: &scalars, before: finding.start, with: replacement)
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return FixResult(text: String(view), applied: applied, remaining: remaining)
    }

    /// Turns `a` into `an` (and back) when the word after it now starts with a vowel (or not).
    static func agreeArticle(in scalars: inout [Unicode.Scalar], before start: Int, with replacement: [Unicode.Scalar]) {
        guard let first = replacement.first, start >= 2, scalars[start - 1] == " " else { return }
        let vowel = "aeiouAEIOU".unicodeScalars.contains(first)
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < scalars.count && scalars[k].properties.isAlphabetic }
        // "an " before the word?
        if start >= 3, !isLetter(start - 4), "aA".unicodeScalars.contains(scalars[start - 3]), scalars[start - 2] == "n", !vowel {
            scalars.remove(at: start - 2)
        } else if !isLetter(start - 3), "aA".unicodeScalars.contains(scalars[start - 2]), vowel {
            scalars.insert("n", at: start - 1)
        }
    }
}
