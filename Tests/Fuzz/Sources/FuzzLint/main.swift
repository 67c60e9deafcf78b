import ChorusLint
import FuzzSupport

/// The linter with the shipped phrasebook: any text gives findings whose offsets lie inside
/// it, and --fix's text, never a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard let linter = Repository.renderer?.linter else { return 0 }
    let input = text(data, size)
    let policy = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }),
                            lengthLimit: 200)
    let scalars = input.unicodeScalars.count
    for finding in linter.lint(input, policy: policy) {
        precondition(finding.start >= 0 && finding.start <= finding.end && finding.end <= scalars, "a finding outside the text")
    }
    _ = linter.fix(input, policy: policy)
    return 0
}
