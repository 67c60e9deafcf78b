@testable import ChorusCore
import ChorusLint
import Testing

@Suite("Finding origins")
struct FindingOriginTests {
    @Test func wordsOfTheTemplateComeFromNoFieldAndStateWordsFromTheirs() throws {
        let state = try Shipped.state("checkout-investigating.json")
        let text = "We will fix it soon.\nWhat you can do meanwhile: Customers can pay with PayPal or a gift card while we work on card payments."
        func finding(_ match: String, line: Int, column: Int) -> Finding {
            Finding(rule: "r", category: .eta, severity: .error, message: "m", match: match, start: 0, end: match.unicodeScalars.count, line: line, column: column)
        }
        let template = finding("soon", line: 1, column: 15)
        let workaround = finding("while we work", line: 2, column: 77)
        let fields = FindingOrigins.fields(of: [template, workaround], in: text, state: state)
        #expect(fields[template] == nil)
        #expect(fields[workaround] == "$.workaround")
    }
}
