import ChorusCLI
import Foundation
import Testing

/// `chorus pull ID support --part reply`: an agent takes just the approved reply to paste (or
/// just the agent notes), never the two as one blob.
@Suite("pull --part")
struct PullPartTests {
    @Test func thePartsOfTheApprovedSupportMacroArePulledAlone() throws {
        var h = try WorkflowHarness()
        _ = h.open()
        #expect(h.run(["approve", "INC-2041", "support"]).status == 0)
        h.now = "2026-11-24T09:13:00Z"
        let reply = h.read(["pull", "INC-2041", "support", "--part", "reply"])
        #expect(reply.status == 0, "\(reply.stderr)")
        #expect(reply.stdout.hasPrefix("Hello,\n\nThank you for getting in touch. Some customers cannot complete checkout"))
        #expect(reply.stdout.hasSuffix("Best regards,\n"))
        #expect(!reply.stdout.contains("Agent notes"))
        #expect(!reply.stdout.contains("Incident: INC-2041"))
        let notes = h.read(["pull", "INC-2041", "support", "--part", "notes"])
        #expect(notes.status == 0)
        #expect(notes.stdout.hasPrefix("- Incident: INC-2041 (tag every related ticket with it)\n"))
        #expect(!notes.stdout.contains("Hello,"))
        let markdown = h.read(["pull", "INC-2041", "support", "--part", "notes", "--format", "markdown"])
        #expect(markdown.stdout.contains("- Escalate: \\#inc-2041 in Slack"), "the part in another format")
        let typo = h.read(["pull", "INC-2041", "support", "--part", "rply"])
        #expect(typo.status == 64)
        #expect(typo.stderr.contains("Error: the approved support text has no part 'rply'\nDid you mean 'reply'?\nIts parts: reply, notes"), "\(typo.stderr)")
    }
}
