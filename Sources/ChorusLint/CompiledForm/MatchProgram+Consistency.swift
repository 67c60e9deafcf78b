/// Checks that a program read back from bytes holds together before the matcher runs it: the
/// matcher indexes its arrays directly and follows nested codes and word classes recursively,
/// so a range past an array, nested codes that overlap (a chain of optionals that each contain
/// the last would cost exponential time), nesting too deep for the stack, or word classes that
/// refer to each other in a circle would trap or never end.
extension MatchProgram {
    /// How deep optionals, choices and word classes may nest: far beyond what a phrasebook
    /// writes (three or four levels), far below what the stack holds.
    static let maximumNesting = 64

    func isConsistent(with compiled: [CompiledEntry]) -> Bool {
        let instructionCount = Int32(instructions.count), poolCount = Int32(pool.count)
        func fits(_ code: Code) -> Bool { code.start >= 0 && code.start <= code.end && code.end <= instructionCount }
        func fitsPool(_ a: Int32, _ b: Int32) -> Bool { a >= 0 && a <= b && b <= poolCount }
        func isClass(_ index: Int32) -> Bool { index >= 0 && Int(index) < classes.count }
        guard alternatives.allSatisfy(fits),
              classes.allSatisfy({ $0.byTokenClass.allSatisfy { fits($0.code) } && $0.unindexed.allSatisfy(fits) }),
              classSequences.allSatisfy({ fits($0.code) && isClass($0.wordClass) }),
              compiled.allSatisfy({ entry in
                  fits(entry.code) && entry.conditions.allSatisfy { $0.tests.allSatisfy { $0.code.map(fits) ?? true } }
              })
        else { return false }
        // Nested codes were compiled just before the instruction that holds them, each into its
        // own stretch: every nested stretch lies before its holder and no instruction belongs to
        // two of them, so following nested codes costs at most the program's length.
        var nestedIn = Array(repeating: false, count: instructions.count)
        var depth = Array(repeating: 0, count: instructions.count)
        func claim(_ code: Code, before holder: Int) -> Int? {
            guard fits(code), Int(code.end) <= holder else { return nil }
            var deepest = 0
            for position in Int(code.start)..<Int(code.end) {
                guard !nestedIn[position] else { return nil }
                nestedIn[position] = true
                deepest = max(deepest, depth[position])
            }
            return deepest
        }
        var alternativeUsed = Array(repeating: false, count: alternatives.count)
        for position in instructions.indices {
            let instruction = instructions[position]
            switch instruction.operation {
            case .word:
                guard fitsPool(instruction.a, instruction.b) else { return false }
            case .not:
                guard fitsPool(instruction.a, instruction.b), fitsPool(instruction.b, instruction.c),
                      pool[Int(instruction.b)..<Int(instruction.c)].allSatisfy(isClass) else { return false }
            case .tokenClass, .punctuation:
                break
            case .gap:
                guard instruction.a >= 0, Int(instruction.a) <= PhrasePattern.maximumGap else { return false }
            case .wordClass:
                guard isClass(instruction.a) else { return false }
            case .choice:
                guard instruction.a >= 0, instruction.a <= instruction.b, Int(instruction.b) <= alternatives.count else { return false }
                for a in Int(instruction.a)..<Int(instruction.b) {
                    guard !alternativeUsed[a], let inner = claim(alternatives[a], before: position) else { return false }
                    alternativeUsed[a] = true
                    depth[position] = max(depth[position], inner + 1)
                }
            case .optional:
                guard let inner = claim(Code(start: instruction.a, end: instruction.b), before: position) else { return false }
                depth[position] = inner + 1
            }
            guard depth[position] <= MatchProgram.maximumNesting else { return false }
        }
        let wholeLexicon = lexicon.count.multipliedReportingOverflow(by: classStride)
        guard classStride == max(1, (classes.count + 63) / 64), !wholeLexicon.overflow,
              // `isMember` checks its slot against `classMembers`, which words numbered after
              // the classes were compiled do not reach.
              classMembers.count <= wholeLexicon.partialValue,
              index.spans.count == index.count, index.byClassBit.count == 32,
              // A required word's window reaches back `span` tokens.
              index.spans.allSatisfy({ (0...PatternLength.largest).contains($0) }),
              (index.byClassBit.joined() + index.anywhere + index.byId.parts.values + index.requiring.parts.values)
                  .allSatisfy({ $0 >= 0 && Int($0) < index.count }),
              classSequenceStarts.parts.values.allSatisfy({ $0 >= 0 && Int($0) < classSequences.count })
        else { return false }
        return classNestingIsBounded()
    }

    /// Whether no word class reaches itself through the classes its phrases name, and no chain
    /// of classes naming classes is deeper than `maximumNesting` (the matcher follows such
    /// chains recursively). Worked out without recursion, from the deepest classes up.
    private func classNestingIsBounded() -> Bool {
        var references = Array(repeating: Set<Int>(), count: classes.count)
        func collect(_ code: Code, into set: inout Set<Int>) {
            // Nested codes are checked above: disjoint, and at most `maximumNesting` deep.
            for position in Int(code.start)..<Int(code.end) {
                let instruction = instructions[position]
                switch instruction.operation {
                case .wordClass: set.insert(Int(instruction.a))
                case .choice:
                    for alternative in alternatives[Int(instruction.a)..<Int(instruction.b)] { collect(alternative, into: &set) }
                case .optional: collect(Code(start: instruction.a, end: instruction.b), into: &set)
                default: break
                }
            }
        }
        for (c, wordClass) in classes.enumerated() {
            for code in wordClass.byTokenClass.map(\.code) + wordClass.unindexed { collect(code, into: &references[c]) }
        }
        for sequence in classSequences { collect(sequence.code, into: &references[Int(sequence.wordClass)]) }
        // Kahn's algorithm from the classes that name no class: each class's depth is one more
        // than the deepest class it names; a class never reached lies on a circle.
        var waitingOn = references.map(\.count)
        var namedBy = Array(repeating: [Int](), count: classes.count)
        for (c, named) in references.enumerated() { for n in named { namedBy[n].append(c) } }
        var depth = Array(repeating: 0, count: classes.count)
        var ready = classes.indices.filter { waitingOn[$0] == 0 }
        var done = 0
        while let c = ready.popLast() {
            done += 1
            guard depth[c] <= MatchProgram.maximumNesting else { return false }
            for user in namedBy[c] {
                depth[user] = max(depth[user], depth[c] + 1)
                waitingOn[user] -= 1
                if waitingOn[user] == 0 { ready.append(user) }
            }
        }
        return done == classes.count
    }
}
