/// The compiled phrasebook as flat bytes, so a later start can skip parsing and compiling (see
/// `PhrasebookCache`). Everything the linter reads is written; what derives from it (messages,
/// `--fix` forms) is derived again by the same initializer a fresh compile uses.
extension Phrasebook {
    /// Bumped whenever what is written here changes shape.
    static let compiledFormVersion: UInt32 = 2

    func compiledForm() -> [UInt8] {
        var writer = ByteWriter()
        writer.uint32(Phrasebook.compiledFormVersion)
        // Entries name their file by its place in this list.
        let locationFiles = Array(Set(entries.map(\.location.file))).sorted()
        let fileNumbers = Dictionary(uniqueKeysWithValues: locationFiles.enumerated().map { ($1, $0) })
        writer.strings(locationFiles)
        writer.array(entries) { $0.entry($1, fileNumber: fileNumbers[$1.location.file] ?? 0) }
        writer.strings(identifierParts.sorted())
        writer.strings(hostLabels.sorted())
        writer.strings(files)
        writer.array(compiled) { writer, entry in
            writer.code(entry.code)
            writer.array(entry.conditions) { $0.condition($1) }
        }
        writer.program(program)
        writer.array(fixable) { $0.bool($1) }
        return writer.bytes
    }

    /// The phrasebook `compiledForm()` wrote, or nil when the bytes are damaged, from another
    /// version, or do not hold together (an index pointing past what is there).
    init?(compiledForm bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        guard let phrasebook = try? Phrasebook.read(&reader), reader.isAtEnd else { return nil }
        self = phrasebook
    }

    private static func read(_ reader: inout ByteReader) throws(ByteReader.Damaged) -> Phrasebook {
        guard try reader.uint32() == compiledFormVersion else { throw ByteReader.Damaged() }
        let locationFiles = try reader.strings()
        let entries = try reader.array { reader throws(ByteReader.Damaged) in try reader.entry(files: locationFiles) }
        let identifierParts = Set(try reader.strings())
        let hostLabels = Set(try reader.strings())
        let files = try reader.strings()
        let compiled = try reader.array { reader throws(ByteReader.Damaged) in
            CompiledEntry(code: try reader.code(),
                          conditions: try reader.array { reader throws(ByteReader.Damaged) in try reader.condition() })
        }
        let program = try reader.program()
        let fixable = try reader.array { reader throws(ByteReader.Damaged) in try reader.bool() }
        guard compiled.count == entries.count, fixable.count == entries.count, program.index.count == entries.count,
              program.isConsistent(with: compiled)
        else { throw ByteReader.Damaged() }
        return Phrasebook(entries: entries, identifierParts: identifierParts, hostLabels: hostLabels, files: files,
                          compiled: compiled, program: program, fixable: fixable)
    }
}

extension Condition.Test {
    /// The phrase the test looks for, if it has one.
    var code: Code? {
        switch self {
        case .negated, .past, .future, .inName: nil
        case .has(_, let code), .precededBy(let code), .followedBy(let code), .isPhrase(let code): code
        }
    }
}

// MARK: - writing

extension ByteWriter {
    mutating func entry(_ entry: PhrasebookEntry, fileNumber: Int) {
        string(entry.kind.rawValue)
        optionalString(entry.category?.rawValue)
        string(entry.phrase)
        strings(entry.suggestions)
        optionalString(entry.message)
        strings(entry.conditions)
        optionalString(entry.rule)
        int(fileNumber)
        int(entry.location.line)
        int(entry.location.column)
    }

    mutating func condition(_ condition: Condition) {
        array(condition.tests) { writer, test in
            switch test {
            case .negated: writer.byte(0)
            case .past: writer.byte(1)
            case .future: writer.byte(2)
            case .inName: writer.byte(3)
            case .has(let scope, let code):
                writer.byte(4)
                writer.string(scope.rawValue)
                writer.code(code)
            case .precededBy(let code):
                writer.byte(5)
                writer.code(code)
            case .followedBy(let code):
                writer.byte(6)
                writer.code(code)
            case .isPhrase(let code):
                writer.byte(7)
                writer.code(code)
            }
        }
        bool(condition.expected)
        string(condition.text)
    }

    mutating func firstIds(_ first: FirstIds) {
        int32s(first.ids)
        uint32(first.classes.rawValue)
        bool(first.anyToken)
    }

    mutating func groupedIndex(_ index: GroupedIndex) {
        int32s(index.parts.offsets)
        int32s(index.parts.values)
    }

    mutating func program(_ program: MatchProgram) {
        strings(program.lexicon.keys)
        array(program.instructions) { writer, instruction in
            writer.byte(instruction.operation.rawValue)
            writer.int32(instruction.a)
            writer.int32(instruction.b)
            writer.int32(instruction.c)
        }
        int32s(program.pool)
        array(program.alternatives) { $0.code($1) }
        array(program.classes) { writer, wordClass in
            writer.uint32(wordClass.tokenClasses.rawValue)
            writer.firstIds(wordClass.first)
            writer.array(wordClass.byTokenClass) { writer, entry in
                writer.uint32(entry.classes.rawValue)
                writer.code(entry.code)
            }
            writer.array(wordClass.unindexed) { $0.code($1) }
        }
        int(program.classStride)
        // Most words belong to no word class: only the slots with a bit set are written.
        int(program.classMembers.count)
        array(program.classMembers.indices.filter { program.classMembers[$0] != 0 }) { writer, slot in
            writer.int(slot)
            writer.uint64(program.classMembers[slot])
        }
        groupedIndex(program.classSequenceStarts)
        array(program.classSequences) { writer, sequence in
            writer.int32(sequence.wordClass)
            writer.code(sequence.code)
        }
        let index = program.index
        groupedIndex(index.byId)
        array(index.byClassBit) { $0.int32s($1) }
        int32s(index.anywhere)
        groupedIndex(index.requiring)
        array(index.firsts) { $0.firstIds($1) }
        array(index.spans) { $0.int($1) }
    }
}

// MARK: - reading

extension ByteReader {
    mutating func entry(files: [String]) throws(Damaged) -> PhrasebookEntry {
        guard let kind = PhrasebookEntry.Kind(rawValue: try string()) else { throw Damaged() }
        let category: FindingCategory?
        if let name = try optionalString() {
            guard let known = FindingCategory(rawValue: name) else { throw Damaged() }
            category = known
        } else {
            category = nil
        }
        let phrase = try string(), suggestions = try strings(), message = try optionalString()
        let conditions = try strings(), rule = try optionalString()
        let fileNumber = try int()
        guard files.indices.contains(fileNumber) else { throw Damaged() }
        let location = PhrasebookLocation(file: files[fileNumber], line: try int(), column: try int())
        return PhrasebookEntry(kind: kind, category: category, phrase: phrase, suggestions: suggestions, message: message,
                               conditions: conditions, rule: rule, location: location)
    }

    mutating func condition() throws(Damaged) -> Condition {
        let tests = try array { reader throws(Damaged) -> Condition.Test in
            switch try reader.byte() {
            case 0: return .negated
            case 1: return .past
            case 2: return .future
            case 3: return .inName
            case 4:
                guard let scope = Condition.Scope(rawValue: try reader.string()) else { throw Damaged() }
                return .has(scope, try reader.code())
            case 5: return .precededBy(try reader.code())
            case 6: return .followedBy(try reader.code())
            case 7: return .isPhrase(try reader.code())
            default: throw Damaged()
            }
        }
        return Condition(tests: tests, expected: try bool(), text: try string())
    }

    mutating func firstIds() throws(Damaged) -> FirstIds {
        let ids = try int32s()
        guard zip(ids, ids.dropFirst()).allSatisfy({ $0 < $1 }) else { throw Damaged() }
        return FirstIds(ids: ids, classes: TokenClass(rawValue: try uint32()), anyToken: try bool())
    }

    mutating func groupedIndex() throws(Damaged) -> GroupedIndex {
        guard let index = GroupedIndex(offsets: try int32s(), values: try int32s()) else { throw Damaged() }
        return index
    }

    mutating func program() throws(Damaged) -> MatchProgram {
        var program = MatchProgram()
        guard let lexicon = Lexicon(keys: try strings()) else { throw Damaged() }
        program.lexicon = lexicon
        program.instructions = try array { reader throws(Damaged) in
            guard let operation = Instruction.Operation(rawValue: try reader.byte()) else { throw Damaged() }
            return Instruction(operation: operation, a: try reader.int32(), b: try reader.int32(), c: try reader.int32())
        }
        program.pool = try int32s()
        program.alternatives = try array { reader throws(Damaged) in try reader.code() }
        program.classes = try array { reader throws(Damaged) in
            var wordClass = ProgramClass(tokenClasses: TokenClass(rawValue: try reader.uint32()), first: try reader.firstIds())
            wordClass.byTokenClass = try reader.array { reader throws(Damaged) in
                (classes: TokenClass(rawValue: try reader.uint32()), code: try reader.code())
            }
            wordClass.unindexed = try reader.array { reader throws(Damaged) in try reader.code() }
            return wordClass
        }
        // The stride first: the slot count it allows is checked before anything is allocated.
        program.classStride = try int()
        let slotCount = try int()
        let allowed = program.lexicon.count.multipliedReportingOverflow(by: program.classStride)
        guard program.classStride == max(1, (program.classes.count + 63) / 64), !allowed.overflow,
              slotCount >= 0, slotCount <= allowed.partialValue else { throw Damaged() }
        var members = Array(repeating: UInt64(0), count: slotCount)
        for (slot, bits) in try array({ reader throws(Damaged) in (try reader.int(), try reader.uint64()) }) {
            guard members.indices.contains(slot) else { throw Damaged() }
            members[slot] = bits
        }
        program.classMembers = members
        program.classSequenceStarts = try groupedIndex()
        program.classSequences = try array { reader throws(Damaged) in
            (wordClass: try reader.int32(), code: try reader.code())
        }
        var index = ProgramIndex()
        index.byId = try groupedIndex()
        index.byClassBit = try array { reader throws(Damaged) in try reader.int32s() }
        index.anywhere = try int32s()
        index.requiring = try groupedIndex()
        index.firsts = try array { reader throws(Damaged) in try reader.firstIds() }
        index.spans = try array { reader throws(Damaged) in try reader.int() }
        program.index = index
        return program
    }
}
