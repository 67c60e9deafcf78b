import ChorusSupport
import Testing

/// QA #20: an error's source line is cut to a window around the column, never printed whole.
@Suite("Source excerpts under errors")
struct SourceExcerptTests {
    @Test func aShortLineIsShownWholeWithTheCaretUnderTheColumn() {
        let excerpt = SourceExcerpt.lines("{{#a}}\t{{/b}}", column: 8)
        #expect(excerpt.text == "{{#a}}\t{{/b}}")
        #expect(excerpt.caret == "      \t^")
    }

    @Test func aLongLineIsAWindowAroundTheColumn() {
        let line = String(repeating: "a", count: 5_000) + "X" + String(repeating: "b", count: 5_000)
        let excerpt = SourceExcerpt.lines(line, column: 5_001)
        #expect(excerpt.text.unicodeScalars.count <= SourceExcerpt.maximumWidth + 2)
        #expect(excerpt.text.hasPrefix("…") && excerpt.text.hasSuffix("…"))
        let caretAt = excerpt.caret.unicodeScalars.count - 1
        #expect(Array(excerpt.text.unicodeScalars)[caretAt] == "X")
        let atStart = SourceExcerpt.lines(line, column: 1)
        #expect(!atStart.text.hasPrefix("…") && atStart.text.hasSuffix("…"))
        #expect(atStart.caret == "^")
        let atEnd = SourceExcerpt.lines(line, column: 10_002) // just past the last scalar
        #expect(atEnd.text.hasPrefix("…") && !atEnd.text.hasSuffix("…"))
        #expect(atEnd.caret.unicodeScalars.count == atEnd.text.unicodeScalars.count + 1)
    }
}
