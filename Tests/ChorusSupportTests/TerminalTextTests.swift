import ChorusSupport
import Foundation
import Testing

@Suite("Terminal text")
struct TerminalTextTests {
    @Test func aTypedWordWithALineBreakIsEscapedOnOneLineAndOtherLineBreaksStay() {
        let typed = "x\u{1B}[31mRED\u{202E}evil\nFAKE"
        let message = "Error: Unknown audience '\(typed)'\nDid you mean 'customer'?\r"
        let printed = TerminalText.escaped(message, echoing: ["render", typed])
        #expect(printed == "Error: Unknown audience 'x\\u{1B}[31mRED\\u{202E}evil\\u{A}FAKE'\nDid you mean 'customer'?\\u{D}")
        // A bare line break typed as an argument does not flatten every line.
        #expect(TerminalText.escaped("a\nb\n", echoing: ["\n", "a\n"]) == "a\nb\n")
    }

    @Test func jsonKeepsItsMeaningWithEveryUnsafeCharacterAsAnEscape() throws {
        let value = "Use it\nFAKE \u{202E}evil \u{1B}[31mRED \u{E0001}"
        let json = "{\"workaround\": \"" + value.replacingOccurrences(of: "\n", with: "\\n") + "\"}\n"
        let escaped = TerminalText.escapedJSON(json)
        #expect(escaped == "{\"workaround\": \"Use it\\nFAKE \\u202eevil \\u001b[31mRED \\udb40\\udc01\"}\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(decoded?["workaround"] == value)
        #expect(TerminalText.escapedJSON("{\"a\": \"plain é\"}") == "{\"a\": \"plain é\"}")
    }
}
