import ChorusCLI
import Foundation
import Testing

/// `chorus render` as a person and as a program sees it.
@Suite("chorus render: formats for people and programs")
struct RenderFormatTests {
    static let example = Repo.path("examples/checkout-identified.json")

    func render(_ arguments: [String], terminal: Bool) -> ChorusCommandLine.Result {
        ChorusCommandLine.run(["render", Self.example, "--now", "2026-11-24T09:40:00Z"] + arguments,
                              currentDirectory: Repo.root.path, outputIsTerminal: terminal)
    }

    @Test func inATerminalEveryAudienceIsReadableText() {
        let all = render(["--all"], terminal: true)
        #expect(all.status == 0, "\(all.stderr)")
        #expect(all.stdout.contains("==== engineering (text, Slack incident channel)"))
        #expect(!all.stdout.contains("\"blocks\""), "no Slack JSON in a terminal")
        #expect(!all.stdout.contains("**Status:**") && !all.stdout.contains("\\#"), "no Markdown in a terminal")
        let one = render(["--audience", "engineering"], terminal: true)
        #expect(one.stdout.hasPrefix("SEV1 INC-2041: Card payments failing at checkout\n"))
    }

    @Test func pipedEachAudienceKeepsItsOwnFormatAndAnAskedFormatWins() {
        let piped = render(["--audience", "engineering"], terminal: false)
        #expect(piped.stdout.contains("\"blocks\""))
        let asked = render(["--audience", "engineering", "--format", "slack"], terminal: true)
        #expect(asked.stdout.contains("\"blocks\""))
        let customer = render(["--audience", "customer"], terminal: false)
        #expect(customer.stdout.hasPrefix("# Card payments failing at checkout"))
    }

    @Test func salesAndLeadershipArePlainTextReadyForEmail() {
        for audience in ["sales", "leadership"] {
            let result = render(["--audience", audience], terminal: false)
            #expect(!result.stdout.contains("**") && !result.stdout.contains("\\"), "\(audience): \(result.stdout)")
        }
    }
}
