import ChorusCLI
import Foundation
import Testing

@Suite("chorus audiences")
struct AudiencesCommandTests {
    @Test func listsEveryAudienceWithChannelAndPolicy() {
        let result = chorus("audiences")
        #expect(result.status == 0, "\(result.stderr)")
        for name in ["customer", "engineering", "leadership", "review", "sales", "support"] {
            #expect(result.stdout.contains("\n\(name)\n") || result.stdout.hasPrefix("\(name)\n"), "\(name)")
        }
        #expect(result.stdout.contains("channel:  Public status page (format: markdown"))
        #expect(result.stdout.contains("policy:   speculation warning, labelled-speculation off"))
        #expect(result.stdout.contains("applies:  incident, retrospective when resolved"))
    }

    @Test func aBrokenDefinitionIsReportedWithItsLocation() throws {
        let dir = try Repo.scratch()
        defer { withExtendedLifetime(dir) {} } // the folder lives until the test ends
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("partners"), withIntermediateDirectories: true)
        try "{\n  \"name\": 3\n}".write(to: dir.appendingPathComponent("partners/audience.json"), atomically: true, encoding: .utf8)
        let result = chorus("audiences", "--audiences", dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("partners/audience.json:2:11: error: at $.name: expected a string, found a number"))
        #expect(result.stderr.contains("partners/audience.json:1:1: error: at $.policy: missing required key \"policy\""))
    }

    @Test func theEnvironmentVariableNamesTheFolder() throws {
        let dir = try Repo.scratch()
        defer { withExtendedLifetime(dir) {} } // the folder lives until the test ends
        let result = chorus(["audiences"], environment: ["CHORUS_AUDIENCES": dir.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no audiences found"))
        let missing = chorus(["audiences"], environment: ["CHORUS_AUDIENCES": "/no/such/dir"])
        #expect(missing.stderr == "Error: CHORUS_AUDIENCES: /no/such/dir is not a folder; expected the audiences folder\n")
    }
}

@Suite("chorus audiences: templates")
struct AudiencesTemplateCheckTests {
    /// QA #8: a template file whose name Chorus never picks is reported, not silently ignored.
    @Test func aMisspelledTemplateFileNameIsReportedWithDidYouMean() throws {
        let dir = try Repo.scratch()
        let copy = dir.appendingPathComponent("audiences")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("audiences"), to: copy)
        try "CUSTOM {{title}}\n".write(to: copy.appendingPathComponent("customer/incident.investigatng.mustache"), atomically: true, encoding: .utf8)
        try "CUSTOM {{title}}\n".write(to: copy.appendingPathComponent("support/incidnet.mustache"), atomically: true, encoding: .utf8)
        let result = chorus("audiences", "--audiences", copy.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("customer/incident.investigatng.mustache: error: unknown template name 'incident.investigatng'"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'incident.investigating'?"), "\(result.stderr)")
        #expect(result.stderr.contains("support/incidnet.mustache: error: unknown template name 'incidnet'") && result.stderr.contains("did you mean 'incident'?"), "\(result.stderr)")
        let doctor = chorus("doctor", "--audiences", copy.path)
        #expect(doctor.status == 1, "\(doctor.stdout)\n\(doctor.stderr)")
        #expect((doctor.stdout + doctor.stderr).contains("unknown template name 'incident.investigatng'"), "\(doctor.stdout)\n\(doctor.stderr)")
        // Correctly named status templates are recognised.
        try FileManager.default.removeItem(at: copy.appendingPathComponent("customer/incident.investigatng.mustache"))
        try FileManager.default.removeItem(at: copy.appendingPathComponent("support/incidnet.mustache"))
        try "CUSTOM {{title}}\n".write(to: copy.appendingPathComponent("customer/incident.investigating.mustache"), atomically: true, encoding: .utf8)
        let fine = chorus("audiences", "--audiences", copy.path)
        #expect(fine.status == 0, "\(fine.stderr)")
    }

    @Test func aMisspelledTemplateFieldFailsWithItsPositionAndDidYouMean() throws {
        let dir = try Repo.scratch()
        let copy = dir.appendingPathComponent("audiences")
        try FileManager.default.copyItem(at: Repo.root.appendingPathComponent("audiences"), to: copy)
        let file = copy.appendingPathComponent("customer/incident.mustache")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "{{summary}}", with: "{{sumary}}").write(to: file, atomically: true, encoding: .utf8)
        let line = (text.components(separatedBy: "\n").firstIndex { $0.contains("{{summary}}") } ?? 0) + 1
        let result = chorus("audiences", "--audiences", copy.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("customer/incident.mustache:\(line):1: error: unknown name 'sumary': no field of the view is called 'sumary' here. Did you mean 'summary'?"), "\(result.stderr)")
        #expect(result.stdout.contains("customer\n") && result.stdout.contains("  templates: 1 problem (below)"))
        let render = chorus("render", "examples/checkout-identified.json", "--audience", "customer", "--audiences", copy.path)
        #expect(render.status == 2, "a broken audience cannot render: \(render.stderr)")
        #expect(render.stderr.contains("unknown name 'sumary'"))
    }
}
