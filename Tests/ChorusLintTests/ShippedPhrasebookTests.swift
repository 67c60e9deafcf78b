@testable import ChorusLint
import Testing

/// The shipped phrasebook holds what the issue asks for.
@Suite("Shipped phrasebook")
struct ShippedPhrasebookTests {
    @Test func contentIsSubstantial() throws {
        let book = try Shipped.phrasebook
        let entries = book.entries
        func reporting(_ category: FindingCategory) -> Int {
            entries.filter { $0.kind.reports && $0.category == category }.count
        }
        func count(_ kind: PhrasebookEntry.Kind, _ category: FindingCategory?) -> Int {
            entries.filter { $0.kind == kind && $0.category == category }.count
        }
        let substitutions = entries.filter { $0.kind == .substitution && $0.category == .jargon }
        #expect(substitutions.count >= 100)
        #expect(substitutions.allSatisfy { !$0.suggestions.isEmpty })
        #expect(reporting(.jargon) >= 600)
        #expect(reporting(.speculation) >= 60)
        #expect(reporting(.eta) >= 8 && count(.exception, .eta) >= 5)
        #expect(count(.cadence, nil) >= 5)
        #expect(reporting(.promise) >= 15)
        #expect(reporting(.blame) >= 20)
        #expect(reporting(.minimizing) >= 20)
        #expect(count(.negation, .speculation) >= 5)
        #expect(book.stockPhrases.count >= 5)
        #expect(book.identifierParts.contains("api"))
        #expect(book.hostLabels.contains("internal"))
        // Rules read clauses: the shipped rules use conditions and word classes.
        #expect(entries.filter { !$0.conditions.isEmpty }.count >= 100)
        #expect(book.wordClassCount >= 20)
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
