import ChorusCLI
import ChorusSupport
import Foundation
import Testing

/// A finding in words that came from the state names the field to change: `(from $.workaround)`
/// in text output, `field` in the JSON envelope; words of the template itself name none.
@Suite("Findings name their state field")
struct FindingFieldTests {
    static func state() throws -> String {
        try String(contentsOfFile: Repo.path("examples/checkout-investigating.json"), encoding: .utf8)
            .replacingOccurrences(of: "Customers can pay with PayPal or a gift card while we work on card payments.",
                                  with: "This is just a small blip and will be fixed within the hour.")
            .replacingOccurrences(of: "\"Complete a card payment at checkout\"", with: "\"Pay by card until the fix lands soon\"")
    }

    @Test func textOutputSaysWhichFieldToChange() throws {
        let result = chorus(["render", "-", "--audience", "customer", "--format", "text", "--now", "2026-11-24T09:25:00Z"], stdin: try Self.state())
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains("[minimizing/") && $0.contains("plays the impact down; state the impact in numbers instead (from $.workaround) (suggestion:") }, "\(result.stderr)")
        #expect(lines.contains { $0.contains("[eta/") && $0.contains("\"soon\"") && $0.contains("(from $.impact.cannotDo[0])") }, "\(result.stderr)")
    }

    @Test func theJSONEnvelopeCarriesTheFieldOrNull() throws {
        let result = chorus(["render", "-", "--audience", "customer", "--format", "json", "--now", "2026-11-24T09:25:00Z"], stdin: try Self.state())
        let findings = try #require(try JSONParser.parse(result.stdout)["findings"]?.elements)
        let blip = try #require(findings.first { $0["match"]?.stringValue == "small blip" })
        #expect(blip["field"]?.stringValue == "$.workaround")
        // A promised next update that has passed is fixed in $.nextUpdateAt.
        let late = chorus(["render", "examples/checkout-investigating.json", "--audience", "customer", "--format", "json", "--now", "2026-11-24T11:00:00Z"])
        let passed = try #require(try JSONParser.parse(late.stdout)["findings"]?.elements?.first { $0["rule"]?.stringValue == "next-update-passed" })
        #expect(passed["field"]?.stringValue == "$.nextUpdateAt")
    }
}
