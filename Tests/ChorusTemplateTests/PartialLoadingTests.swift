import ChorusTemplate
import Foundation
import Testing

/// A scratch folder tree for one test, removed afterwards.
final class ScratchFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-template-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    func write(_ relative: String, _ text: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    func link(_ relative: String, to destination: String) throws {
        let file = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: file.path, withDestinationPath: destination)
    }
}

@Suite("Partials from folders: roots, strictness, traversal")
struct PartialLoadingTests {
    @Test func audienceFolderFirstThenSharedPartials() throws {
        let scratch = try ScratchFolder()
        try scratch.write("slack/update.mustache", "{{>header}}|{{>footer}}|{{>shared/sign-off}}")
        try scratch.write("slack/header.mustache", "slack header")
        try scratch.write("partials/header.mustache", "shared header")
        try scratch.write("partials/footer.mustache", "shared footer {{name}}")
        try scratch.write("partials/shared/sign-off.mustache", "bye")
        let loader = FileSystemTemplateLoader(roots: [scratch.path + "/slack", scratch.path + "/partials"])
        var library = TemplateLibrary(loader: loader, missingPartials: .fail)
        let template = try library.load("update")
        #expect(template.name == scratch.path + "/slack/update.mustache")
        #expect(template.partialNames == ["header", "footer", "shared/sign-off"])
        #expect(Set(library.templates.keys) == ["update", "header", "footer", "shared/sign-off"])
        #expect(try library.render("update", ["name": "<Ann>"], escaping: .slack) == "slack header|shared footer &lt;Ann&gt;|bye")
    }

    @Test func strictLoadingFailsAtTheTagOfTheFirstMissingPartial() throws {
        let scratch = try ScratchFolder()
        try scratch.write("a/page.mustache", "{{>header}}\n{{#x}}\n  {{>nowhere}}\n{{/x}}")
        try scratch.write("a/header.mustache", "ok")
        var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/a"]), missingPartials: .fail)
        do {
            try library.load("page")
            Issue.record("expected an unknown partial error")
        } catch {
            #expect(error.kind == .unknownPartial(name: "nowhere"))
            #expect(error.templateName == scratch.path + "/a/page.mustache")
            #expect(error.position.line == 3)
            #expect(error.position.column == 3)
            #expect(error.lineText == "  {{>nowhere}}")
        }
        do {
            try library.load("absent")
            Issue.record("expected an unknown template error")
        } catch {
            #expect(error.kind == .unknownTemplate(name: "absent"))
            #expect(error.description == "absent:1:1: error: no template named 'absent'")
        }
    }

    @Test func dynamicPartialsMissingAtRenderTimeFailOnlyInStrictMode() throws {
        let template = try Template("[{{>*kind}}]", name: "d")
        let strict = try TemplateLibrary(sources: ["known": "K"], missingPartials: .fail)
        #expect(try template.render(["kind": "known"], partials: strict) == "[K]")
        #expect(throws: TemplateError.self) { try template.render(["kind": "other"], partials: strict) }
        // A name that resolves to nothing renders nothing, as the spec says, even when strict.
        #expect(try template.render([:], partials: strict) == "[]")
        let lenient = try TemplateLibrary(sources: ["known": "K"], missingPartials: .renderEmpty)
        let result = try template.renderWithWarnings(["kind": "other"], partials: lenient)
        #expect(result.output == "[]")
        #expect(result.warnings.map(\.kind) == [.unknownPartial(name: "other")])
    }

    @Test(arguments: [
        ("../secret", "'..' is not allowed: partials must stay inside the template folder"),
        ("a/../../secret", "'..' is not allowed: partials must stay inside the template folder"),
        ("/etc/passwd", "absolute paths are not allowed; use a name relative to the template folder"),
        ("~/secret", "absolute paths are not allowed; use a name relative to the template folder"),
        ("a\\..\\secret", "backslashes are not allowed; separate folders with '/'"),
        ("./header", "'.' components are not allowed"),
        ("a//b", "empty path components ('//' or a trailing '/') are not allowed"),
        ("", "the name is empty"),
    ])
    func namesThatCouldLeaveTheRootAreRefusedBeforeAnyRead(name: String, reason: String) throws {
        let scratch = try ScratchFolder()
        try scratch.write("root/header.mustache", "x")
        try scratch.write("secret.mustache", "SECRET")
        let loader = FileSystemTemplateLoader(roots: [scratch.path + "/root"])
        #expect(throws: TemplateLoadError(name: name, reason: .forbidden(reason))) {
            try loader.source(named: name)
        }
    }

    @Test func traversalInATemplateIsAnErrorAtItsTagNeverARead() throws {
        let scratch = try ScratchFolder()
        try scratch.write("root/page.mustache", "Hello {{>../secret}}")
        try scratch.write("secret.mustache", "SECRET")
        for policy in [TemplateLibrary.MissingPartials.fail, .renderEmpty] {
            var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/root"]), missingPartials: policy)
            do {
                try library.load("page")
                Issue.record("expected a forbidden name error")
            } catch {
                #expect(error.kind == .forbiddenPartialName(name: "../secret", reason: "'..' is not allowed: partials must stay inside the template folder"))
                #expect(error.position.column == 7)
            }
        }
        // Dynamic names are checked the same way at render time.
        let dynamic = try Template("{{>*which}}", name: "dyn")
        let library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/root"]), missingPartials: .renderEmpty)
        #expect(throws: TemplateError.self) { try dynamic.render(["which": "../secret"], partials: library) }
        #expect(throws: TemplateError.self) { try dynamic.render(["which": .string(scratch.path + "/secret")], partials: library) }
    }

    @Test func symlinksThatLeaveTheRootAreRefused() throws {
        let scratch = try ScratchFolder()
        try scratch.write("secret.mustache", "SECRET")
        try scratch.write("root/real.mustache", "real")
        try scratch.link("root/escape.mustache", to: scratch.path + "/secret.mustache")
        try scratch.link("root/inside.mustache", to: scratch.path + "/root/real.mustache")
        try scratch.link("root/dir", to: scratch.path)
        try scratch.link("root/dangling.mustache", to: scratch.path + "/nothing-here.mustache")
        let loader = FileSystemTemplateLoader(roots: [scratch.path + "/root"])
        #expect(try loader.source(named: "inside")?.text == "real")
        for name in ["escape", "dir/secret", "dangling"] {
            do {
                let found = try loader.source(named: name)
                Issue.record("'\(name)' should have been refused, got \(String(describing: found))")
            } catch {
                guard case .forbidden = error.reason else {
                    Issue.record("'\(name)': expected forbidden, got \(error)")
                    continue
                }
            }
        }
    }

    /// QA #20: a template asked for by name is reported as a template, not as a partial.
    @Test func aSymlinkedTemplateIsReportedAsATemplateAndAPartialAsAPartial() throws {
        let scratch = try ScratchFolder()
        try scratch.write("secret.mustache", "SECRET")
        try scratch.write("root/page.mustache", "{{>escape}}")
        try scratch.link("root/escape.mustache", to: scratch.path + "/secret.mustache")
        var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/root"]))
        do {
            try library.load("escape")
            Issue.record("a template linked out of the root should be refused")
        } catch {
            #expect(error.description.contains("template 'escape' is not allowed: it resolves to"), "\(error)")
            #expect(!error.description.contains("partial"), "\(error)")
        }
        do {
            try library.load("page")
            Issue.record("a partial linked out of the root should be refused")
        } catch {
            #expect(error.description.contains("partial name 'escape' is not allowed: it resolves to"), "\(error)")
        }
    }

    @Test func rootReachedThroughASymlinkStillWorks() throws {
        let scratch = try ScratchFolder()
        try scratch.write("real/page.mustache", "page")
        try scratch.link("alias", to: scratch.path + "/real")
        let loader = FileSystemTemplateLoader(roots: [scratch.path + "/alias"])
        #expect(try loader.source(named: "page")?.text == "page")
    }

    @Test func unreadablePartialsAreErrorsAtTheirTag() throws {
        let scratch = try ScratchFolder()
        try scratch.write("root/page.mustache", "{{>folder}}")
        try FileManager.default.createDirectory(atPath: scratch.path + "/root/folder.mustache", withIntermediateDirectories: true)
        try Data([0x66, 0xFF, 0xFE]).write(to: scratch.url.appendingPathComponent("root/binary.mustache"))
        let loader = FileSystemTemplateLoader(roots: [scratch.path + "/root"])
        var library = TemplateLibrary(loader: loader, missingPartials: .fail)
        #expect(throws: TemplateError.self) { try library.load("page") }
        #expect {
            try loader.source(named: "binary")
        } throws: { error in
            guard let error = error as? TemplateLoadError, case .unreadable(let why) = error.reason else { return false }
            return why.hasSuffix("is not valid UTF-8 text")
        }
    }

    @Test func missingRootsAreSkipped() throws {
        let scratch = try ScratchFolder()
        try scratch.write("b/x.mustache", "from b")
        let loader = FileSystemTemplateLoader(roots: [scratch.path + "/does-not-exist", scratch.path + "/b"])
        #expect(try loader.source(named: "x")?.text == "from b")
        #expect(try loader.source(named: "y") == nil)
    }

    @Test func parseErrorsInPartialsNameThePartialsFile() throws {
        let scratch = try ScratchFolder()
        try scratch.write("r/page.mustache", "{{>broken}}")
        try scratch.write("r/broken.mustache", "line one\n{{#open}}")
        var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: [scratch.path + "/r"]))
        do {
            try library.load("page")
            Issue.record("expected a parse error")
        } catch {
            #expect(error.templateName == scratch.path + "/r/broken.mustache")
            #expect(error.kind == .unclosedSection(name: "open"))
            #expect(error.position.line == 2)
        }
    }
}
