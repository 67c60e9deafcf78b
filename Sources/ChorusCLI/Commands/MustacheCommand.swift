import ChorusSupport
import ChorusTemplate
import Foundation

/// `chorus mustache TEMPLATE [DATA] [--partials DIR] [--escape FORMAT]`: renders any template
/// with any JSON, exactly as the engine does, so template authors can try things out and any
/// Mustache spec case can be reproduced from the command line.
enum MustacheCommand {
    static let spec = CommandSpec(
        name: "mustache",
        abstract: "Render a Mustache template with JSON data and print the result exactly.",
        discussion: """
        For template authors. Renders TEMPLATE (a file, or - for standard input) with DATA (a JSON
        file, or - for standard input; an empty object when omitted) and prints the result exactly,
        with no newline added. Partials and parents are read from DIR/NAME.mustache (--partials,
        which may be repeated: the first folder that has the partial wins; default: the
        template's own folder); names with '..', absolute paths and symbolic links leading out
        of DIR are refused. As the Mustache spec says, a missing partial renders as
        the empty string; chorus also warns about it on standard error. {{name}} escapes values for
        --escape (html by default); {{{name}}} and {{&name}} never escape.
        Errors in the template or the data are reported as FILE:LINE:COL. Exit status 0 when the
        template rendered, 1 otherwise.
        """,
        arguments: [
            ArgumentSpec("template", help: "The template file; - reads standard input."),
            ArgumentSpec("data", help: "The data (JSON); - reads standard input. Default: {}.", arity: .optional),
        ],
        options: [
            .value("partials", "dir", help: "Where partials are found, as DIR/NAME.mustache; repeatable (default: the template's folder).",
                   repeatable: true),
            .value("escape", "format", help: "How {{name}} escapes values: html, text, markdown or slack.",
                   default: "html", allowed: TemplateEscaping.all.map(\.name)),
        ]
    ) { context in
        try run(&context)
    }

    private static func run(_ context: inout CommandContext) throws -> Int32 {
        guard let templatePath = context.arguments.argument("template") else {
            throw UsageError("Missing expected argument '<template>'")
        }
        let dataPath = context.arguments.argument("data")
        if templatePath == "-" && dataPath == "-" {
            throw UsageError("TEMPLATE and DATA cannot both be read from standard input ('-').")
        }
        let escapingName = context.arguments.value("escape") ?? "html"
        guard let escaping = TemplateEscaping(name: escapingName) else {
            throw UsageError("Unknown escaping '\(escapingName)'.")
        }

        guard let templateInput = read(templatePath, &context) else { return ExitStatus.couldNotRun }
        let templateName = templatePath == "-" ? templateInput.displayName : templatePath
        let template: Template
        do {
            template = try Template(templateInput.text, name: templateName)
        } catch {
            context.printError(error.description)
            return ExitStatus.failure
        }

        var value: TemplateValue = .object([:])
        if let dataPath {
            guard let dataInput = read(dataPath, &context) else { return ExitStatus.couldNotRun }
            let dataName = dataPath == "-" ? dataInput.displayName : dataPath
            do {
                value = TemplateValue(json: try JSONParser.parse(dataInput.text))
            } catch {
                context.printError(describe(error, in: dataName))
                return ExitStatus.failure
            }
        }

        var partialsFolders: [String] = []
        for option in context.arguments.values("partials") {
            let folder = context.resolve(option)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                context.printError("\(option): error: no such folder (given with --partials)")
                return ExitStatus.couldNotRun
            }
            partialsFolders.append(folder)
        }
        if partialsFolders.isEmpty {
            partialsFolders.append(templatePath == "-"
                ? context.currentDirectory
                : URL(fileURLWithPath: context.resolve(templatePath)).deletingLastPathComponent().path)
        }

        var library = TemplateLibrary(loader: FileSystemTemplateLoader(roots: partialsFolders), missingPartials: .renderEmpty)
        let rendering: TemplateRendering
        do {
            try library.loadReferences(of: template)
            rendering = try template.renderWithWarnings(value, partials: library, escaping: escaping)
        } catch {
            context.printError(error.description)
            return ExitStatus.failure
        }
        for warning in rendering.warnings {
            context.printError(warning.formatted(severity: "warning"))
            if let name = warning.kind.missingPartial {
                let places = partialsFolders.map { "\($0)/NAME.mustache" }.joined(separator: ", then ")
                context.printError("note: '\(name)' rendered as the empty string; partials are read from \(places)")
            }
        }
        context.print(rendering.output, terminator: "")
        return ExitStatus.success
    }

    /// The text of `path` (or standard input), or nil after printing why it cannot be read.
    private static func read(_ path: String, _ context: inout CommandContext) -> InputText? {
        do {
            return try InputText.read(context.resolve(path), standardInput: context.readStandardInput)
        } catch {
            context.printError("\(path): error: \(error.reason)")
            return nil
        }
    }

    /// `data.json:3:5: error: message`, the line, and a caret under the column.
    private static func describe(_ error: JSONSyntaxError, in name: String) -> String {
        let excerpt = SourceExcerpt.lines(error.lineText, column: error.position.column)
        return "\(name):\(error.position): error: \(error.message)\n\(excerpt.text)\n\(excerpt.caret)"
    }
}

extension TemplateError.Kind {
    /// The partial a lenient render could not find.
    fileprivate var missingPartial: String? {
        if case .unknownPartial(let name) = self { return name }
        return nil
    }
}
