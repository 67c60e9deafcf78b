import ChorusCore
import Testing

/// The difference an approver is shown: what they read (`-`) before what replaced it (`+`).
@Suite("Line difference of two drafts")
struct LineDiffTests {
    @Test func aChangedLineShowsTheOldLineThenTheNewOne() {
        #expect(LineDiff.lines(from: "a\nb\nc", to: "a\nB\nc") == ["- b", "+ B"])
        #expect(LineDiff.lines(from: "a\nb\nc\nd", to: "a\nB\nC\nd") == ["- b", "- c", "+ B", "+ C"])
    }

    @Test func addedAndRemovedLinesKeepTheirPlaceAndEqualTextsHaveNone() {
        #expect(LineDiff.lines(from: "a\nc", to: "a\nb\nc") == ["+ b"])
        #expect(LineDiff.lines(from: "a\nb\nc", to: "a\nc") == ["- b"])
        #expect(LineDiff.lines(from: "same\ntext", to: "same\ntext").isEmpty)
    }
}
