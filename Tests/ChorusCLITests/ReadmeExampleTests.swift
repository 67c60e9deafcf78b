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

    /// The resolved customer update and the review the README shows are what the README's
    /// walkthrough (examples/walkthrough.sh, run with the built chorus) prints.
    @Test func theResolvedUpdateAndTheReviewAreWhatTheWalkthroughPrints() throws {
        let binary = try #require(ChorusBinary.url, "the chorus executable is built with the tests (ChorusCLITests depends on it)")
        let customer = try Self.readmeBlock(startingWith: "Invoices page not loading\n\nStatus: Resolved", fence: "text")
        let review = try Self.readmeBlock(startingWith: "Post-incident review: Invoices page not loading", fence: "text")
        try ScratchFolder.with { folder in
            let result = try runProcess(URL(fileURLWithPath: "/bin/bash"), [Repo.path("examples/walkthrough.sh")], directory: folder,
                                        environment: ["CHORUS": binary.path, "CHORUS_STORE": folder.at(".chorus").path, "TMPDIR": folder.path,
                                                      "PATH": "/usr/bin:/bin"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains(customer), "README's resolved customer update is not what the walkthrough prints")
            #expect(result.stdout.contains(review), "README's review is not what the walkthrough prints")
        }
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
