import ChorusSupport

/// A template's text as UTF-8 bytes, with its name, shared by every node parsed from it so that
/// errors found later (at render time) can still name the line and column.
final class TemplateSourceText: Sendable {
    let name: String
    let text: String
    let bytes: [UInt8]

    init(name: String, text: String) {
        self.name = name
        self.text = text
        self.bytes = Array(text.utf8)
    }

    /// The line, column and scalar offset of the byte at `offset`.
    func position(ofByte offset: Int) -> SourcePosition {
        var line = 1, column = 1, scalars = 0
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                scalars += 1
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            index += 1
        }
        return SourcePosition(line: line, column: column, offset: scalars)
    }

    /// An error of `kind` located at the byte `offset`.
    func error(_ kind: TemplateError.Kind, atByte offset: Int) -> TemplateError {
        let position = position(ofByte: offset)
        return TemplateError(kind, templateName: name, position: position, lineText: text.sourceLine(position.line) ?? "")
    }

    /// The text of the bytes `range` (which must fall on scalar boundaries).
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }
}
