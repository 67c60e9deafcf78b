import ChorusCore
import ChorusLint
import ChorusSupport

/// How `chorus lint` prints findings: text lines, JSON, a summary, and the exit status. Findings
/// are printed one at a time (a long text can have millions), never built into one string.
enum FindingOutput {
    /// `FILE:LINE:COL: severity: [category/rule] message (suggestion: …)`, on one line: control,
    /// bidi and invisible characters of the file name and the quoted text written as `\u{…}`.
    static func textLine(_ finding: Finding, file: String) -> String {
        var line = "\(file):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
            + "[\(finding.category.rawValue)/\(finding.rule)] \(finding.message)"
        if let suggestion = finding.suggestion { line += " (suggestion: \(suggestion))" }
        return TerminalText.escape(line)
    }

    /// Prints `{"findings":[{"rule",…,"suggestion"}]}`, as `JSONOutput.rendered()` writes it.
    static func printJSON(_ findings: [Finding], to context: inout CommandContext) {
        context.print("{\n  \"findings\": ", terminator: "")
        printArray(findings, to: &context)
        context.print("\n}")
    }

    /// `--fix --format json`: prints the fixed text, what was applied, and what remains.
    static func printFixJSON(_ result: FixResult, to context: inout CommandContext) {
        var head = "{\n  \"text\": "
        JSONOutput.string(result.text).append(to: &head, indent: 1)
        context.print(head + ",\n  \"applied\": ", terminator: "")
        printArray(result.applied, to: &context)
        context.print(",\n  \"findings\": ", terminator: "")
        printArray(result.remaining, to: &context)
        context.print("\n}")
    }

    /// A JSON array of findings one level deep in an object, one finding at a time.
    private static func printArray(_ findings: [Finding], to context: inout CommandContext) {
        guard !findings.isEmpty else {
            context.print("[]", terminator: "")
            return
        }
        context.print("[", terminator: "")
        var item = ""
        for (k, finding) in findings.enumerated() {
            item.removeAll(keepingCapacity: true)
            item += k == 0 ? "\n    " : ",\n    "
            finding.jsonOutput.append(to: &item, indent: 2)
            context.print(item, terminator: "")
        }
        context.print("\n  ]", terminator: "")
    }

    static func count(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    static func summary(_ findings: [Finding]) -> String {
        guard !findings.isEmpty else { return "no findings" }
        let errors = findings.reduce(0) { $0 + ($1.severity == .error ? 1 : 0) }
        return count(errors, "error") + ", " + count(findings.count - errors, "warning")
    }

    /// 1 when any finding is an error (or, when strict, any finding at all).
    static func status(_ findings: [Finding], strict: Bool) -> Int32 {
        let failing = findings.contains { $0.severity == .error || (strict && $0.severity == .warning) }
        return failing ? ExitStatus.failure : ExitStatus.success
    }
}
