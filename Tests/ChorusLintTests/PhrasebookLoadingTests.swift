@testable import ChorusLint
import Foundation
import Testing

@Suite("Phrasebook loading")
struct PhrasebookLoadingTests {
    @Test func shippedPhrasebookLoads() throws {
        if case .failure(let error) = Shipped.loaded { Issue.record("\(error)") }
        let phrasebook = try Shipped.phrasebook
        #expect(phrasebook.files.count >= 8)
    }
}
