@testable import ChorusCLI
import ChorusCore
import ChorusLint
import ChorusSupport
import Foundation
import Testing

/// `chorus lint` prints findings one at a time, and the real process writes them out in chunks
/// as it goes (issue 10: a long text can have millions of findings).
@Suite("Lint output streamed")
struct LintOutputStreamingTests {
    /// What a `writeOutput` was given.
    final class Chunks: @unchecked Sendable {
        private let lock = NSLock()
        private var chunks: [String] = []
        func append(_ text: String) { lock.withLock { chunks.append(text) } }
        var all: [String] { lock.withLock { chunks } }
    }

    static let text = String(repeating: "It is probably the cache and payments-api. ", count: 2_000)

    func run(_ arguments: [String], writeTo chunks: Chunks? = nil) -> ChorusCommandLine.Result {
        let bytes = Array(LintOutputStreamingTests.text.utf8)
        var write: (@Sendable (String) -> Void)?
        if let chunks { write = { chunks.append($0) } }
        return ChorusCommandLine.run(arguments, currentDirectory: Repo.root.path, standardInput: { bytes }, writeOutput: write)
    }

    @Test(arguments: [["--format", "json"], ["--format", "text"], ["--fix", "--format", "json"]])
    func outputIsWrittenInChunksAndReadsTheSame(format: [String]) {
        let arguments = ["lint", "--audience", "customer"] + format
        let whole = run(arguments)
        let chunks = Chunks()
        let streamed = run(arguments, writeTo: chunks)
        #expect(chunks.all.count >= 2)
        #expect(chunks.all.allSatisfy { $0.utf8.count >= CommandContext.outputChunk && $0.utf8.count < 2 * CommandContext.outputChunk })
        #expect(chunks.all.joined() + streamed.stdout == whole.stdout)
        #expect(streamed.status == whole.status && streamed.stderr == whole.stderr && whole.status == ExitStatus.failure)
    }

    @Test func jsonPrintedAFindingAtATimeIsWhatTheWholeTreeRendersTo() throws {
        let result = run(["lint", "--audience", "customer", "--format", "json"])
        let decoded = try JSONDecoder().decode([String: [Finding]].self, from: Data(result.stdout.utf8))
        let findings = try #require(decoded["findings"])
        #expect(findings.count > 4_000)
        #expect(result.stdout == JSONOutput.object([("findings", .array(findings.map(\.jsonOutput)))]).rendered() + "\n")

        let clean = chorus("lint", "--audience", "customer", "--format", "json", stdin: "Next update in 30 minutes.")
        #expect(clean.stdout == "{\n  \"findings\": []\n}\n")

        let fixed = chorus("lint", "--audience", "customer", "--fix", "--format", "json",
                           stdin: "The rollback is probably done.\nNext update in 30 minutes.")
        struct Fixed: Decodable { var text: String; var applied: [Finding]; var findings: [Finding] }
        let fix = try JSONDecoder().decode(Fixed.self, from: Data(fixed.stdout.utf8))
        #expect(!fix.applied.isEmpty && !fix.findings.isEmpty)
        #expect(fixed.stdout == JSONOutput.object([
            ("text", .string(fix.text)), ("applied", .array(fix.applied.map(\.jsonOutput))),
            ("findings", .array(fix.findings.map(\.jsonOutput))),
        ]).rendered() + "\n")
    }
}
