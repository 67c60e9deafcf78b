import ChorusTemplate
import Testing

@Suite("Mustache spec conformance")
struct SpecConformanceTests {
    // Runs only when ../shared/mustache-spec exists beside the package; otherwise skipped, and
    // `MustacheSpec.cases` prints why.
    @Test(.enabled(if: MustacheSpec.isAvailable, "the Mustache spec folder ../shared/mustache-spec is absent"))
    func everySpecFileLoadsAndHasTheExpectedNumberOfTests() throws {
        for file in MustacheSpec.files {
            #expect(try !MustacheSpec.load(file).isEmpty, "\(file).json has no tests")
        }
        #expect(MustacheSpec.cases.count == MustacheSpec.expectedCount)
    }

    @Test(
        .enabled(if: MustacheSpec.isAvailable, "the Mustache spec folder ../shared/mustache-spec is absent"),
        arguments: MustacheSpec.cases
    )
    func specCase(_ spec: SpecCase) throws {
        let actual = try MustacheSpec.render(spec)
        if actual != spec.expected { print(spec.report(actual: actual)) }
        #expect(actual == spec.expected, "\(spec.report(actual: actual))")
    }

    @Test func absentSpecFolderIsReportedWithAReason() {
        // Documents the skip path: the reason names the folder that was looked for.
        #expect(MustacheSpec.skipReason.contains("shared/mustache-spec"))
        if !MustacheSpec.isAvailable { print("Skipping the Mustache spec suite: \(MustacheSpec.skipReason)") }
    }
}
