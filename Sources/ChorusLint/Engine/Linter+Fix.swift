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
        // One pass, in text order: copy up to each fix, settle the article before it, write the fix.
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(scalars.count)
        var cursor = 0
        for finding in applied {
            output.append(contentsOf: scalars[cursor..<finding.start])
            let replacement = Array((finding.fix ?? finding.match).unicodeScalars)
            Linter.agreeArticle(atEndOf: &output, with: replacement)
            output.append(contentsOf: replacement)
            cursor = finding.end
        }
        output.append(contentsOf: scalars[cursor...])
        scalars = output
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return FixResult(text: String(view), applied: applied, remaining: remaining)
    }

    /// Turns `a` into `an` (and back) at the end of `text` (just before where `replacement` goes)
    /// when the replacement now starts with a vowel (or not).
    static func agreeArticle(atEndOf text: inout [Unicode.Scalar], with replacement: [Unicode.Scalar]) {
        guard let first = replacement.first, text.count >= 2, text[text.count - 1] == " " else { return }
        let vowel = "aeiouAEIOU".unicodeScalars.contains(first)
        let n = text.count
        func isLetter(_ k: Int) -> Bool { k >= 0 && k < text.count && text[k].properties.isAlphabetic }
        if n >= 3, "aA".unicodeScalars.contains(text[n - 3]), text[n - 2] == "n", !isLetter(n - 4), !vowel {
            text.remove(at: n - 2) // "an " → "a "
        } else if "aA".unicodeScalars.contains(text[n - 2]), !isLetter(n - 3), vowel {
            text.insert("n", at: n - 1) // "a " → "an "
        }
    }
}
