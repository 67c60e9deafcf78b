import ChorusCLI
import Foundation
import Testing

/// The README's sample outputs are what the commands beside them print, so they cannot rot.
@Suite("README examples")
struct ReadmeExampleTests {
    static func readmeBlock(startingWith prefix: String, fence: String) throws -> String {
        let readme = try String(contentsOfFile: Repo.path("README.md"), encoding: .utf8)
        let opening = "```\(fence)\n" + prefix
        let start = try #require(readme.range(of: opening), "README has a ```\(fence) block starting with \(prefix)")
        let body = readme[readme.index(start.lowerBound, offsetBy: fence.count + 4)...]
        let end = try #require(body.range(of: "```"))
        return String(body[..<end.lowerBound])
    }

    @Test func theCustomerDraftIsWhatRenderPrints() throws {
        let shown = try Self.readmeBlock(startingWith: "# Card payments failing at checkout", fence: "markdown")
        let result = chorus("render", "examples/checkout-investigating.json", "--audience", "customer", "--now", "2026-11-24T09:25:00Z")
        #expect(result.stdout == shown)
    }

    @Test func theEngineeringDraftIsWhatRenderPrints() throws {
        let shown = try Self.readmeBlock(startingWith: "SEV1 INC-2041", fence: "text")
        let result = chorus("render", "examples/checkout-investigating.json", "--audience", "engineering", "--format", "text",
                            "--now", "2026-11-24T09:25:00Z")
        #expect(result.stdout == shown)
    }

    @Test func theLintFindingsAreWhatLintPrints() throws {
        let readme = try String(contentsOfFile: Repo.path("README.md"), encoding: .utf8)
        let result = chorus("lint", "examples/support-reply.txt", "--audience", "support")
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        for line in lines { #expect(readme.contains(line), "README lacks: \(line)") }
    }
}
