import ChorusCore
import Foundation
import Testing

@Suite("Field-level differences")
struct StateDiffTests {
    @Test func reportsChangedAddedAndRemovedFieldsWithPaths() throws {
        let old = try StateDocument.load(Repository.text(Repository.examples.appendingPathComponent("checkout-investigating.json"))).state
        var new = old
        new.status = .identified
        new.facts.append(Fact(id: "F3", text: "x", at: old.startedAt, source: .engineering))
        new.workaround = nil
        let changes = StateDiff.changes(from: old, to: new)
        #expect(changes.contains(FieldChange(path: "$.status", before: "\"investigating\"", after: "\"identified\"")))
        #expect(changes.contains { $0.path == "$.facts[2]" && $0.before == nil && $0.after?.contains("\"F3\"") == true })
        #expect(changes.contains { $0.path == "$.workaround" && $0.after == nil })
        #expect(StateDiff.changes(from: old, to: old).isEmpty)
    }
}
