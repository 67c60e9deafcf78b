import ChorusLint
import FuzzSupport

/// The phrasebook parser and compiler: any text compiles or fails with file, line and column;
/// what compiles lints a fixed text and any input text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPhrasebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let input = text(data, size)
    do {
        let book = try Phrasebook.parse([(name: "fuzz.txt", text: input)])
        let linter = Linter(phrasebook: book)
        let policy = LintPolicy(severities: Dictionary(uniqueKeysWithValues: FindingCategory.allCases.map { ($0, Severity.error) }))
        _ = linter.lint("We probably fixed it; it should be back within the hour. Next update in 30 minutes.", policy: policy)
        _ = linter.lint(input, policy: policy)
    } catch {
        for problem in error.problems { precondition(problem.line >= 0 && problem.column >= 0) }
    }
    return 0
}
