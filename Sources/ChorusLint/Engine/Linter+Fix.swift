extension Linter {
    /// The text with every unambiguous substitution applied (`Finding.fix`), as `chorus lint --fix`
    /// prints it. Findings the policy turns off or allows are not applied.
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
            scalars.replaceSubrange(finding.start..<finding.end, with: Array((finding.fix ?? finding.match).unicodeScalars))
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return FixResult(text: String(view), applied: applied, remaining: remaining)
    }
}
