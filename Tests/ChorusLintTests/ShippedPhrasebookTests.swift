@testable import ChorusLint
import Testing

/// The shipped phrasebook holds what the issue asks for.
@Suite("Shipped phrasebook")
struct ShippedPhrasebookTests {
    @Test func contentIsSubstantial() throws {
        let entries = try Shipped.phrasebook.entries
        func count(_ kind: PhrasebookEntry.Kind, _ category: FindingCategory?) -> Int {
            entries.filter { $0.kind == kind && $0.category == category }.count
        }
        let jargon = entries.filter { $0.kind == .substitution && $0.category == .jargon }
        #expect(jargon.count >= 150)
        #expect(jargon.allSatisfy { !$0.suggestions.isEmpty })
        #expect(count(.existence, .speculation) >= 60)
        #expect(count(.pattern, .eta) >= 8 && count(.existence, .eta) >= 8 && count(.exception, .eta) >= 5)
        #expect(count(.cadence, nil) >= 5)
        #expect(count(.existence, .promise) >= 15)
        #expect(count(.existence, .blame) + count(.pattern, .blame) >= 20)
        #expect(count(.existence, .minimizing) >= 20)
        #expect(count(.negation, .speculation) >= 10)
        #expect(try Shipped.phrasebook.stockPhrases.count >= 5)
        #expect(try Shipped.phrasebook.identifierParts.contains("api"))
        #expect(try Shipped.phrasebook.hostLabels.contains("internal"))
    }

    @Test func everyReportingEntryHasAMessage() throws {
        for entry in try Shipped.phrasebook.entries where entry.kind.reports {
            #expect(entry.message?.isEmpty == false, "\(entry.location)")
        }
    }

    @Test func theSourceCheckoutDirectoryIsThisPackagesPhrasebook() {
        #expect(Phrasebook.sourceCheckoutDirectory.standardizedFileURL == Shipped.directory.standardizedFileURL)
        #expect(Phrasebook.defaultDirectory(from: Shipped.directory.deletingLastPathComponent()).standardizedFileURL
            == Shipped.directory.standardizedFileURL)
        #expect(Phrasebook.defaultDirectory(from: Shipped.directory, environment: ["CHORUS_PHRASEBOOK": "/x/y"]).path == "/x/y")
    }
}
