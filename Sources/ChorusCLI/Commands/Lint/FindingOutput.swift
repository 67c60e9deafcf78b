import ChorusCore
import ChorusLint
import ChorusSupport

/// How `chorus lint` prints findings: text lines, JSON, a summary, and the exit status.
enum FindingOutput {
    /// `FILE:LINE:COL: severity: [category/rule] message (suggestion: …)`.
    static func textLines(_ findings: [Finding], file: String) -> [String] {
        findings.map { finding in
            var line = "\(file):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
                + "[\(finding.category.rawValue)/\(finding.rule)] \(finding.message)"
            if let suggestion = finding.suggestion { line += " (suggestion: \(suggestion))" }
            return line
        }
    }

    /// `{"findings":[{"rule",…,"suggestion"}]}`.
    static func json(_ findings: [Finding]) -> String {
        JSONOutput.object([("findings", .array(findings.map(\.jsonOutput)))]).rendered()
    }

    /// `--fix --format json`: the fixed text, what was applied, and what remains.
    static func fixJSON(_ result: FixResult) -> String {
        JSONOutput.object([
            ("text", .string(result.text)),
            ("applied", .array(result.applied.map(\.jsonOutput))),
            ("findings", .array(result.remaining.map(\.jsonOutput))),
        ]).rendered()
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func summary(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "no findings" }
        let errors = findings.filter { $0.severity == .error }.count
        return count(errors, "error") + ", " + count(findings.count - errors, "warning")
    }

    /// 1 when any finding is an error (or, when strict, any finding at all).
    static func status(_ findings: [Finding], strict: Bool) -> Int32 {
        let failing = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        return failing ? ExitStatus.failure : ExitStatus.success
    }
}
