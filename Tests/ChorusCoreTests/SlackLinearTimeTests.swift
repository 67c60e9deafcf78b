import ChorusCore
import ChorusTestSupport
import Foundation
import Testing

@Suite("Linear time: Slack output")
struct SlackLinearTimeTests {
    /// A draft with one paragraph line of `bytes` bytes of words.
    static func document(bytes: Int) -> DraftDocument {
        let line = String(repeating: "outage ", count: bytes / 7)
        return DraftDocument.parse("# Title\n\n" + line + "\n")
    }

    /// --format slack on 1/2/4 MB values took 1.5/4.1/14.6 s: each 3,000-character piece
    /// counted the whole rest of the line again.
    @Test func aLongLineIsSplitInLinearTime() {
        let small = Self.document(bytes: 250_000), large = Self.document(bytes: 1_000_000)
        var blocks = 0
        let (smallTime, largeTime, ratio) = GrowthRatio.measure(small: { _ = DraftWriter.slack(small) }, large: {
            blocks = DraftWriter.slackMessages(large).reduce(0) { $0 + $1.blocks.count }
        })
        print("Slack: 0.25 MB \(smallTime) s, 1 MB \(largeTime) s, ×\(ratio) for ×4 the input")
        #expect(ratio < 9, "×4 the text cost ×\(ratio) (quadratic would be ×16)")
        #expect(blocks >= 1_000_000 / 3000, "every piece of at most 3,000 characters is a section of its own")
    }
}
