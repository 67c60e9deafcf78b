import ChorusSupport

/// Reads one phrasebook file into sections, collecting every problem with its line and column.
///
/// The format, line by line: blank lines and lines starting with `#` are ignored; `[kind]` or
/// `[kind category]` starts a section; `message: …` and `suggestion: …` directly under a header
/// set the section's message and default suggestion; any other line is an entry,
/// `phrase` or `phrase => substitute | another`.
struct PhrasebookParser {
    let file: String
    private(set) var sections: [ParsedSection] = []
    private(set) var problems: [PhrasebookError.Problem] = []

    static let optionKeys = ["message", "suggestion", "when", "unless", "rule"]

    /// The kind of section lines before any header belong to (a vocabulary file's `[accept]`);
    /// nil when a header must come first.
    let implicitSection: SectionKind?

    init(file: String, implicitSection: SectionKind? = nil) {
        self.file = file
        self.implicitSection = implicitSection
    }

    mutating func parse(_ text: String) {
        var lineNumber = 0
        for rawLine in TextLines.split(text) {
            lineNumber += 1
            var line = Array(rawLine.unicodeScalars)
            while let last = line.last, last.properties.isWhitespace { line.removeLast() }
            let indent = line.prefix { $0.properties.isWhitespace }.count
            let content = Array(line[indent...])
            guard let first = content.first, first != "#" else { continue }
            let column = indent + 1
            if first == "[", content.last == "]", let header = headerWords(content) {
                finishSection()
                startSection(header, line: lineNumber, column: column)
                continue
            }
            if let (key, value) = option(content), var section = sections.last, section.entries.isEmpty {
                if let known = PhrasebookParser.optionKeys.first(where: { $0 == key }) {
                    let text = String(String.UnicodeScalarView(value)).trimmingSpaces
                    if text.isEmpty {
                        problem(lineNumber, column, "'\(known):' needs a value")
                    } else if known == "when" || known == "unless" {
                        if section.kind.allowsConditions {
                            let lead = value.prefix { $0.properties.isWhitespace }.count
                            section.conditions.append((known == "when", Array(value.dropFirst(lead)).trimmingTrailingSpaces,
                                                       PhrasebookLocation(file: file, line: lineNumber, column: column + key.count + 1 + lead)))
                        } else {
                            problem(lineNumber, column, "[\(section.kind.rawValue)] sections take no conditions; '\(known):' belongs to sections that report or cancel matches")
                        }
                    } else if known == "rule" {
                        if section.rule != nil { problem(lineNumber, column, "the section already names its rule") }
                        section.rule = text
                        section.ruleLocation = PhrasebookLocation(file: file, line: lineNumber, column: column + key.count + 2)
                    } else if known == "message" {
                        if section.message != nil { problem(lineNumber, column, "the section already has a message") }
                        section.message = text
                        checkMessageVariables(text, line: lineNumber, column: column + key.count + 2)
                    } else {
                        section.suggestion = text
                    }
                    sections[sections.count - 1] = section
                    continue
                }
                if let near = NameSuggestion.closest(to: key, among: PhrasebookParser.optionKeys) {
                    problem(lineNumber, column, "unknown option '\(key):'; did you mean '\(near):'?")
                    continue
                }
            }
            if let (key, _) = option(content), PhrasebookParser.optionKeys.contains(key), let section = sections.last, !section.entries.isEmpty {
                problem(lineNumber, column, "'\(key):' must come right under the section header, before the first entry")
                continue
            }
            if sections.isEmpty, let implicitSection {
                sections.append(ParsedSection(kind: implicitSection, location: PhrasebookLocation(file: file, line: lineNumber, column: column)))
            }
            guard !sections.isEmpty else {
                problem(lineNumber, column, "expected a section header such as '[substitution jargon]' before the first entry")
                continue
            }
            entry(content, line: lineNumber, column: column)
        }
        finishSection()
    }

    private mutating func problem(_ line: Int, _ column: Int, _ message: String) {
        problems.append(.init(file: file, line: line, column: column, message: message))
    }

    /// `[word]` or `[word word]` with lowercase letters, `-` and `*` only.
    private func headerWords(_ content: [Unicode.Scalar]) -> [String]? {
        let inner = content.dropFirst().dropLast()
        let words = String(String.UnicodeScalarView(inner)).split(separator: " ").map(String.init)
        guard (1...2).contains(words.count) else { return nil }
        for word in words {
            guard word.unicodeScalars.allSatisfy({ ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || $0 == "-" || $0 == "*" })
            else { return nil }
        }
        return words
    }

    /// `key: value` with a lowercase key.
    private func option(_ content: [Unicode.Scalar]) -> (String, ArraySlice<Unicode.Scalar>)? {
        guard let colon = content.firstIndex(of: ":"), colon > 0,
              content[..<colon].allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return nil }
        let after = colon + 1
        guard after == content.count || content[after] == " " || content[after] == "\t" else { return nil }
        return (String(String.UnicodeScalarView(content[..<colon])), content[after...])
    }

    private mutating func startSection(_ words: [String], line: Int, column: Int) {
        let location = PhrasebookLocation(file: file, line: line, column: column)
        let kindName = words[0].lowercased()
        guard let kind = SectionKind(rawValue: kindName) else {
            var message = "unknown section kind '\(words[0])'"
            if let near = NameSuggestion.closest(to: kindName, among: SectionKind.allCases.map(\.rawValue)) {
                message += "; did you mean '\(near)'?"
            } else {
                message += "; expected one of \(SectionKind.allCases.map(\.rawValue).joined(separator: ", "))"
            }
            problem(line, column + 1, message)
            // Keep reading the entries under a placeholder section so they are not misreported.
            invalidSections.insert(sections.count)
            sections.append(ParsedSection(kind: .stock, location: location))
            return
        }
        var section = ParsedSection(kind: kind, location: location)
        let argument = words.count > 1 ? words[1] : nil
        let argumentColumn = column + 2 + words[0].count
        switch kind.argument {
        case .none:
            if let argument { problem(line, argumentColumn, "[\(kind.rawValue)] takes no category, found '\(argument)'") }
        case .name:
            if let argument {
                if TokenClass.placeholder(named: argument) != nil {
                    problem(line, argumentColumn, "'\(argument)' is a built-in placeholder; choose another name")
                }
                section.name = argument
            } else {
                problem(line, column, "expected a name after 'define', as in '[define duration]'")
            }
        case .category, .categoryOrAll:
            if let argument {
                if kind.argument == .categoryOrAll, argument == "all" || argument == "*" {
                    section.category = nil
                } else if let category = FindingCategory(rawValue: argument), SectionKind.phraseCategories.contains(category) {
                    section.category = category
                } else {
                    var names = SectionKind.phraseCategories.map(\.rawValue)
                    if kind.argument == .categoryOrAll { names.append("all") }
                    var message = FindingCategory(rawValue: argument) != nil
                        ? "the engine computes '\(argument)' itself; a phrasebook section takes one of \(names.joined(separator: ", "))"
                        : "unknown category '\(argument)'"
                    if FindingCategory(rawValue: argument) == nil {
                        if let near = NameSuggestion.closest(to: argument, among: names) {
                            message += "; did you mean '\(near)'?"
                        } else {
                            message += "; expected one of \(names.joined(separator: ", "))"
                        }
                    }
                    problem(line, argumentColumn, message)
                    invalidSections.insert(sections.count)
                }
            } else {
                problem(line, column, "expected a category after '\(kind.rawValue)', as in '[\(kind.rawValue) jargon]'")
                invalidSections.insert(sections.count)
            }
        }
        sections.append(section)
    }

    /// Sections whose header was wrong: their entries are checked for syntax only, then dropped.
    private(set) var invalidSections: Set<Int> = []

    private mutating func finishSection() {
        guard let section = sections.last, !invalidSections.contains(sections.count - 1) else { return }
        let header = section.location
        if section.entries.isEmpty {
            problems.append(.init(file: file, line: header.line, column: header.column,
                                  message: "the section has no entries"))
        }
        if section.kind.needsMessage, section.message == nil {
            problems.append(.init(file: file, line: header.line, column: header.column,
                                  message: "the section needs a 'message:' line right under its header"))
        }
    }

    private mutating func checkMessageVariables(_ message: String, line: Int, column: Int) {
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = String(rest[rest.index(after: open)..<close])
            if name != "match", name != "suggestion" {
                let offset = message.unicodeScalars.distance(from: message.unicodeScalars.startIndex, to: open)
                problem(line, column + offset, "unknown message variable '{\(name)}'; a message may use {match} and {suggestion}")
            }
            rest = rest[rest.index(after: close)...]
        }
    }

    private mutating func entry(_ content: [Unicode.Scalar], line: Int, column: Int) {
        let index = sections.count - 1
        guard !invalidSections.contains(index) else { return }
        let kind = sections[index].kind
        var phrase = content
        var suggestions: [String] = []
        if let arrow = arrowIndex(content) {
            phrase = Array(content[..<arrow])
            while let last = phrase.last, last.properties.isWhitespace { phrase.removeLast() }
            let right = String(String.UnicodeScalarView(content[(arrow + 2)...]))
            if !kind.allowsSuggestions {
                problem(line, column + arrow, "'=>' gives a suggestion, which [\(kind.rawValue)] entries do not take")
            } else {
                suggestions = right.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                if suggestions.contains(where: \.isEmpty) {
                    problem(line, column + arrow + 2, "expected a substitute after '=>' (alternatives are separated by '|')")
                    suggestions = suggestions.filter { !$0.isEmpty }
                }
            }
        } else if kind == .substitution {
            problem(line, column + content.count,
                    "expected '=>' and a plain substitute after the term, as in 'rollback => undo the recent change'")
        }
        if phrase.isEmpty {
            problem(line, column, "empty entry: expected a phrase before '=>'")
            return
        }
        sections[index].entries.append(ParsedLine(
            phrase: phrase, suggestions: suggestions,
            location: PhrasebookLocation(file: file, line: line, column: column)))
    }

    /// The index of `=>` outside quotes and escapes.
    private func arrowIndex(_ content: [Unicode.Scalar]) -> Int? {
        var k = 0
        var quoted = false
        while k + 1 < content.count {
            let c = content[k]
            if c == "\\" { k += 2; continue }
            if c == "\"" { quoted.toggle() }
            if !quoted, c == "=", content[k + 1] == ">" { return k }
            k += 1
        }
        return nil
    }
}

extension Array where Element == Unicode.Scalar {
    var trimmingTrailingSpaces: [Unicode.Scalar] {
        var copy = self
        while let last = copy.last, last.properties.isWhitespace { copy.removeLast() }
        return copy
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
