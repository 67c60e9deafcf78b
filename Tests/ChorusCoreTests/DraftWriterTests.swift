@testable import ChorusCore
import ChorusSupport
import Foundation
import Testing

/// How a rendered draft is written in each format: plain text carries no markup or escapes,
/// and a quotation is one quote in every format.
@Suite("Writing drafts")
struct DraftWriterTests {
    /// Template output with `values` marked as values, the way audience templates produce it.
    static func marked(_ template: String, _ values: [String: String]) -> String {
        var text = template
        for (name, value) in values {
            var marked = String.UnicodeScalarView()
            marked.append(PlainText.valueStart)
            marked.append(contentsOf: value.unicodeScalars)
            marked.append(PlainText.valueEnd)
            text = text.replacingOccurrences(of: "{{\(name)}}", with: String(marked))
        }
        return text
    }

    static let quotation = marked("""
        # Brief

        **Lead:** {{lead}}. Questions: {{channel}}

        > {{first}}
        > {{second}}
        >
        > - {{item}}

        After.
        """, ["lead": "(Lena Fischer)", "channel": "#inc-2041", "first": "Status: Resolved", "second": "We fixed it.", "item": "Pay by card"])

    @Test func plainTextHasNoMarkupAndNoEscapes() {
        let text = DraftWriter.text(DraftDocument.parse(Self.quotation))
        #expect(text == """
            Brief

            Lead: (Lena Fischer). Questions: #inc-2041

            > Status: Resolved
            > We fixed it.
            >
            > - Pay by card

            After.
            """)
        #expect(!text.contains("\\"))
    }

    @Test func markdownWritesOneQuotationAsOneBlockquote() {
        let markdown = DraftWriter.markdown(DraftDocument.parse(Self.quotation))
        #expect(markdown.contains("> Status: Resolved  \n> We fixed it.\n>\n> - Pay by card\n\nAfter."), "\(markdown)")
        #expect(markdown.components(separatedBy: "\n\n").filter { $0.hasPrefix(">") }.count == 1, "one blockquote, not one per line")
    }

    @Test func htmlWritesOneQuotationAsOneBlockquoteWithItsParagraphs() {
        let html = DraftWriter.html(DraftDocument.parse(Self.quotation))
        #expect(html.contains("<blockquote><p>Status: Resolved<br>\nWe fixed it.</p>\n<p>- Pay by card</p></blockquote>"), "\(html)")
        #expect(html.components(separatedBy: "<blockquote>").count == 2)
    }

    @Test func theByteScannerAndTheCharacterParserAgreeOnBareQuoteLines() {
        let document = DraftDocument.parse(Self.quotation)
        #expect(document == DraftDocument.parseCharacters(Self.quotation))
        #expect(document.blocks.contains(.quote([])))
    }
}
