@testable import ChorusCore
import ChorusSupport
import ChorusTemplate
import Foundation
import Testing

/// The field table says which audiences may see each field; the view table builds the views.
/// This checks the two agree for every text field and every audience: a field an audience may
/// not see never reaches its view, and a field it may see shows up (where the state has it).
@Suite("Audience views follow the field table")
struct ViewPrivacyTests {
    /// Every text field of the table with its visibility along the way, addressed into the JSON
    /// of a fully populated state (lists at their first item).
    static func textFields() -> [(path: [String], visible: [FieldSpec.Visibility])] {
        var out: [(path: [String], visible: [FieldSpec.Visibility])] = []
        func walk(_ record: RecordSpec, _ path: [String], _ visible: [FieldSpec.Visibility]) {
            for field in record.fields {
                let here = path + [field.name], seen = visible + [field.visibility]
                switch field.type {
                case .text: out.append((here, seen))
                case .list(.text): out.append((here + ["0"], seen))
                case .record(let inner): walk(inner, here, seen)
                case .list(.record(let inner)): walk(inner, here + ["0"], seen)
                default: break
                }
            }
        }
        walk(StateFields.state, [], [])
        return out
    }

    static func set(_ value: Any, at path: ArraySlice<String>, in object: Any) -> Any {
        guard let key = path.first else { return value }
        if var array = object as? [Any], let index = Int(key), array.indices.contains(index) {
            array[index] = set(value, at: path.dropFirst(), in: array[index])
            return array
        }
        if var dictionary = object as? [String: Any] {
            dictionary[key] = set(value, at: path.dropFirst(), in: dictionary[key] ?? [:])
            return dictionary
        }
        return object
    }

    static func strings(in value: TemplateValue) -> [String] {
        switch value {
        case .string(let s): return [s]
        case .list(let items): return items.flatMap(strings)
        case .object(let members): return members.values.flatMap(strings)
        default: return []
        }
    }

    @Test func everyTextFieldReachesExactlyTheAudiencesTheTableAllows() throws {
        // A full state whose hypotheses are open and settled and whose corrections retract nothing,
        // so every text can be shown somewhere; then each text field holds its own marker.
        var full = try SchemaTests.fullState()
        full.status = .investigating
        full.resolvedAt = nil
        full.hypotheses = [Hypothesis(id: "H1", text: "h", state: .open), Hypothesis(id: "H2", text: "h2", state: .confirmed)]
        full.corrections = [Correction(said: "s", correct: "c", at: full.startedAt)]
        full.steps = [Step(id: "S1", text: "t", owner: "o", state: .inProgress)]
        var object = try JSONSerialization.jsonObject(with: Data(try StateCoding.encode(full).utf8))
        let fields = Self.textFields()
        for (index, field) in fields.enumerated() {
            object = Self.set("MARK\(index)END", at: field.path[...], in: object)
        }
        let state = try StateCoding.decoder().decode(IncidentState.self, from: try JSONSerialization.data(withJSONObject: object))
        let renderer = try Shipped.renderer()
        var checked = 0
        for audience in renderer.catalog.audiences {
            let view = AudienceViewTable.value(of: state, for: audience, clock: RenderClock(now: state.lastUpdatedAt),
                                               context: nil, statusPage: nil)
            let texts = Self.strings(in: view).joined(separator: "\n")
            for (index, field) in fields.enumerated() {
                let allowed = field.visible.allSatisfy { visibility in
                    switch visibility {
                    case .everyone: return true
                    case .nobody: return false
                    case .with(let parts): return parts.contains { audience.shows($0) }
                    }
                }
                let shown = texts.contains("MARK\(index)END")
                if !allowed {
                    #expect(!shown, "\(audience.name) may not see \(field.path.joined(separator: ".")), but its view holds it")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    /// And the other way: engineering (which may see nearly everything) is shown every text field
    /// the table lets it see, except the ones only the review holds.
    @Test func engineeringSeesWhatTheTableLetsItSee() throws {
        var full = try SchemaTests.fullState()
        full.status = .investigating
        full.resolvedAt = nil
        full.hypotheses = [Hypothesis(id: "H1", text: "h", state: .open)]
        full.steps = [Step(id: "S1", text: "t", owner: "o", state: .inProgress)]
        var object = try JSONSerialization.jsonObject(with: Data(try StateCoding.encode(full).utf8))
        let fields = Self.textFields()
        for (index, field) in fields.enumerated() { object = Self.set("MARK\(index)END", at: field.path[...], in: object) }
        let state = try StateCoding.decoder().decode(IncidentState.self, from: try JSONSerialization.data(withJSONObject: object))
        let engineering = try #require(try Shipped.renderer().catalog.audience(named: "engineering"))
        let texts = Self.strings(in: AudienceViewTable.value(of: state, for: engineering, clock: RenderClock(now: state.lastUpdatedAt),
                                                            context: nil, statusPage: nil)).joined(separator: "\n")
        for (index, field) in fields.enumerated() {
            let allowed = field.visible.allSatisfy { visibility in
                switch visibility {
                case .everyone: return true
                case .nobody: return false
                case .with(let parts): return parts.contains { engineering.shows($0) }
                }
            }
            // A fact retraction's correction is what the correction shows; the fact id it names is kept out.
            if allowed { #expect(texts.contains("MARK\(index)END"), "engineering is shown \(field.path.joined(separator: "."))") }
        }
    }
}
