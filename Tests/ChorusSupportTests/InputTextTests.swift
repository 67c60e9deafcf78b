@testable import ChorusSupport
import Testing

@Suite("Input text")
struct InputTextTests {
    /// Invalid UTF-8 is reported where it stands, like any other bad input: line, column, byte.
    @Test func invalidUTF8NamesItsLineColumnAndByte() {
        let bytes = Array("first line\nsé".utf8) + [0xFF] + Array(" rest".utf8)
        do {
            _ = try InputText.read("-", standardInput: { bytes })
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            #expect(error.description == "<stdin>:2:3: invalid UTF-8 byte 0xFF; expected UTF-8 text")
        }
        #expect(InputText.firstInvalidUTF8([0x41, 0xC3]) == (line: 1, column: 2, byte: 0xC3))
    }

    @Test func validTextIsReadAsIs() throws {
        let text = try InputText.read("-", standardInput: { Array("Zürich\n".utf8) })
        #expect(text.text == "Zürich\n" && text.displayName == "<stdin>")
    }
}
