import ChorusCLI
import Foundation
import Testing

/// `chorus board`, and the board a workspace rewrites after every write.
@Suite("chorus board")
struct BoardCommandTests {
    static let replay = ["CHORUS_REPLAY": "1", "CHORUS_AUTHOR": "Dana Kim"]

    static func run(_ arguments: [String], in folder: URL, at time: String) -> ChorusCommandLine.Result {
        chorus(arguments + ["--now", "2026-11-24T\(time):00Z"], environment: replay, directory: folder.path)
    }

    /// The issue's "done when": init + open + approve + board give a page with the approved
    /// customer and support wording and copy buttons, and a stale approval is marked.
    @Test func aWorkspaceBoardFollowsEveryWrite() throws {
        try ScratchFolder.with { folder in
            #expect(chorus(["init", "--status-page", "https://status.example.com"], directory: folder.path).status == 0)
            let opened = Self.run(["open", "--from", Repo.path("examples/checkout-investigating.json")], in: folder, at: "09:12")
            #expect(opened.status == 0, "\(opened.stderr)")
            let page = folder.at("board/incidents/INC-2041.html")
            var html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("<strong>Not approved yet.</strong>"))
            #expect(try String(contentsOf: folder.at("board/index.html"), encoding: .utf8).contains("Card payments failing at checkout"))

            #expect(Self.run(["approve", "INC-2041", "customer"], in: folder, at: "09:13").status == 0)
            #expect(Self.run(["approve", "INC-2041", "support"], in: folder, at: "09:13").status == 0)
            html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("id=\"audience-customer-text-1\""))
            #expect(html.contains("data-copy=\"audience-customer-text-1\""))
            #expect(html.contains("<h4>Customer reply (paste as is)</h4>"))
            #expect(html.contains("data-copy=\"audience-support-text-1\"") && html.contains("data-copy=\"audience-support-text-2\""))
            #expect(html.contains("Approved by Dana Kim at <time datetime=\"2026-11-24T09:13:00Z\">09:13 UTC</time> for revision 1."))

            #expect(Self.run(["publish", "INC-2041", "customer", "--channel", "statuspage"], in: folder, at: "09:14").status == 0)
            let updated = Self.run(["update", "INC-2041", "--workaround", "Pay with PayPal while we fix card payments."], in: folder, at: "09:15")
            #expect(updated.status == 0, "\(updated.stderr)")
            #expect(Self.run(["approve", "INC-2041", "customer"], in: folder, at: "09:16").status == 0)
            html = try String(contentsOf: page, encoding: .utf8)
            #expect(html.contains("Pay with PayPal while we fix card payments."), "the customer wording was re-approved")
            #expect(html.contains("<strong>Stale: the incident changed since this was approved.</strong> Do not use the old wording; ask for a new approval (<code>chorus approve INC-2041 support</code>)."))
            #expect(!html.contains("id=\"audience-support-text-1\""))
            #expect(html.contains("<td data-label=\"Where\">statuspage</td>"))

            let explicit = Self.run(["board"], in: folder, at: "09:17")
            #expect(explicit.status == 0, "\(explicit.stderr)")
            #expect(explicit.stdout.hasPrefix("Wrote the board to \(folder.at("board").path): index.html and 1 incident page\n"))
        }
    }

    @Test func withoutAWorkspaceTheFolderMustBeNamed() throws {
        try ScratchFolder.with { folder in
            let missing = chorus(["board"], directory: folder.path)
            #expect(missing.status == 64)
            #expect(missing.stderr.hasPrefix("Error: Missing '--out <dir>'"))
            let noStore = chorus(["board", "--out", "site", "--store", "store"], directory: folder.path)
            #expect(noStore.status == 2, "a mistyped store is not an empty board")
            #expect(!FileManager.default.fileExists(atPath: folder.at("site").path))
            try FileManager.default.createDirectory(at: folder.at("store"), withIntermediateDirectories: false)
            let written = chorus(["board", "--out", "site", "--store", "store", "--title", "Status for support"], directory: folder.path)
            #expect(written.status == 0, "\(written.stderr)")
            let index = try String(contentsOf: folder.at("site/index.html"), encoding: .utf8)
            #expect(index.contains("<h1>Status for support</h1>"))
            #expect(index.contains("<p>No open incidents.</p>"))
        }
    }

    @Test func aBoardThatCannotBeWrittenIsAWarningNotAFailedWrite() throws {
        try ScratchFolder.with { folder in
            #expect(chorus(["init", "--board", "site"], directory: folder.path).status == 0)
            try folder.at("site").write("a file where the board should go")
            let opened = Self.run(["open", "--from", Repo.path("examples/checkout-investigating.json")], in: folder, at: "09:12")
            #expect(opened.status == 0)
            #expect(opened.stderr.contains("warning: the board in \(folder.at("site").path) was not updated: \(folder.at("site").path) is a file; the board needs a folder"))
        }
    }

    @Test func anUnreadableJournalIsLeftOffWithAWarningAndTheRestIsWritten() throws {
        try ScratchFolder.with { folder in
            let store = folder.at("store").path
            for id in ["INC-1", "INC-2"] {
                let opened = chorus(["open", id, "--title", "Checkout down", "--severity", "sev2", "--impact", "Some customers cannot pay.",
                                     "--affected", "Customers paying by card", "--lead", "Dana Kim", "--next-update", "+30m", "--store", store, "--as", "dana"],
                                    directory: folder.path)
                #expect(opened.status == 0, "\(opened.stderr)")
            }
            let journal = folder.at("store/incidents/INC-2/journal.jsonl")
            let handle = try FileHandle(forWritingTo: journal)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data("{ not an entry }\n".utf8))
            try handle.close()
            let result = chorus(["board", "--out", "site", "--store", store], directory: folder.path)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("warning: left off the board: INC-2: "), "\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: folder.at("site/incidents/INC-1.html").path))
            #expect(!FileManager.default.fileExists(atPath: folder.at("site/incidents/INC-2.html").path))
        }
    }

    @Test func initWithoutABoardWritesNone() throws {
        try ScratchFolder.with { folder in
            #expect(chorus(["init", "--no-board"], directory: folder.path).status == 0)
            #expect(Self.run(["open", "--from", Repo.path("examples/checkout-investigating.json")], in: folder, at: "09:12").status == 0)
            #expect(!FileManager.default.fileExists(atPath: folder.at("board").path))
            let both = chorus(["init", "x", "--no-board", "--board", "b"], directory: folder.path)
            #expect(both.status == 64)
        }
    }
}
