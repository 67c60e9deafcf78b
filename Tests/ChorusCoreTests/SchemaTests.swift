import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Published JSON Schema")
struct SchemaTests {
    @Test func committedSchemaIsTheGeneratedOne() throws {
        let committed = try Repository.text(Repository.examples.appendingPathComponent("schema/incident-state.schema.json"))
        #expect(committed == IncidentStateSchema.document(),
                "examples/schema/incident-state.schema.json is stale: run `swift run chorus schema > examples/schema/incident-state.schema.json`")
    }

    @Test func schemaIsDraft202012AndValidJSON() throws {
        let node = try JSONParser.parse(IncidentStateSchema.document())
        #expect(node["$schema"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        #expect(node["additionalProperties"]?.value == .bool(false))
        #expect(node["$defs"]?["Fact"]?["properties"]?["source"]?["enum"] != nil)
    }

    /// A state with every optional field set, so encoding it names every field of the model.
    static func fullState() throws -> IncidentState {
        let t = try ISO8601.parse("2026-11-24T09:00:00Z")
        return IncidentState(
            id: "I", title: "T", kind: .incident, severity: .sev1, status: .resolved, startedAt: t, detectedAt: t,
            resolvedAt: t, lastUpdatedAt: t, nextUpdateAt: t, window: MaintenanceWindow(start: t, end: t),
            monitoringSince: t, monitoringPeriodMinutes: 30,
            roles: Roles(incidentLead: "L", commsLead: "C", responders: [Responder(name: "N", doing: "D")], escalation: "E"),
            impact: CustomerImpact(summary: "S", canDo: ["a"], cannotDo: ["b"], whoIsAffected: "W", segments: ["s"], pastSummary: "P"),
            quantifiedImpact: [ImpactMeasure(metric: "m", value: 1, unit: "u", asOf: t)], businessImpact: "B",
            components: [AffectedComponent(internalName: "i", publicName: "p", status: .operational, statuspageId: "x")],
            facts: [Fact(id: "F1", text: "f", at: t, source: .support)],
            hypotheses: [Hypothesis(id: "H1", text: "h", state: .open)],
            steps: [Step(id: "S1", text: "s", owner: "o", state: .done, at: t)], workaround: "w",
            eta: ETA(at: t, confidence: .estimate), rootCause: RootCause(summary: "r", whys: ["w"]), fix: "f",
            followUps: [FollowUp(text: "f", owner: "o", due: "2026-12-01")],
            corrections: [Correction(retracts: "F1", said: "s", correct: "c", at: t)],
            links: [Link(title: "l", url: "https://x")], asks: ["a"], whatWentWell: ["w"],
            reopened: Reopening(at: t, reason: "r", resolvedAt: t, impactReturnedAt: t)
        )
    }

    /// Every key the model writes is in the schema, and every key in the schema is one the
    /// model writes: walking the fully populated state against the schema finds both ways.
    @Test func schemaAndModelNameTheSameFields() throws {
        let text = try StateCoding.encode(Self.fullState())
        let node = try JSONParser.parse(text)
        #expect(SchemaChecker.check(node, against: .object(IncidentStateSchema.state)).isEmpty)
        var missing: [String] = []
        Self.collectMissing(node, .object(IncidentStateSchema.state), JSONPath.root, &missing)
        #expect(missing.isEmpty, "schema properties the model does not write: \(missing)")
    }

    static func collectMissing(_ node: JSONNode, _ type: SchemaType, _ path: JSONPath, _ missing: inout [String]) {
        switch type {
        case .object(let schema):
            for property in schema.properties {
                guard let child = node[property.name] else { missing.append(path.appending(property.name).description); continue }
                collectMissing(child, property.type, path.appending(property.name), &missing)
            }
        case .array(let element):
            for (index, child) in (node.elements ?? []).enumerated() {
                collectMissing(child, element, path.appending(index), &missing)
            }
        default:
            break
        }
    }
}
