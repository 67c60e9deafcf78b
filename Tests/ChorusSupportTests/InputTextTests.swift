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
        let truncated = SourcePosition.firstInvalidUTF8(in: [0x41, 0x0A, 0x42, 0xC3])
        #expect(truncated?.position == SourcePosition(line: 2, column: 2, offset: 3) && truncated?.byteOffset == 3)
        #expect(SourcePosition.firstInvalidUTF8(in: Array("Zürich\n".utf8)) == nil)
    }

    @Test func validTextIsReadAsIs() throws {
        let text = try InputText.read("-", standardInput: { Array("Zürich\n".utf8) })
        #expect(text.text == "Zürich\n" && text.displayName == "<stdin>")
    }
}
