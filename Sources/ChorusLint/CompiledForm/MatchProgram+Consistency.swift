/// Checks that a program read back from bytes holds together before the matcher runs it: the
/// matcher indexes its arrays directly and follows nested codes and word classes recursively,
/// so a range past an array, a code that contains itself or word classes that refer to each
/// other in a circle would trap or never end.
extension MatchProgram {
    func isConsistent(with compiled: [CompiledEntry]) -> Bool {
        let instructionCount = Int32(instructions.count), poolCount = Int32(pool.count)
        func fits(_ code: Code, before limit: Int32) -> Bool { code.start >= 0 && code.start <= code.end && code.end <= limit }
        func fits(_ code: Code) -> Bool { fits(code, before: instructionCount) }
        func fitsPool(_ a: Int32, _ b: Int32) -> Bool { a >= 0 && a <= b && b <= poolCount }
        func isClass(_ index: Int32) -> Bool { index >= 0 && Int(index) < classes.count }
        // Nested codes were compiled before the instruction that holds them: each lies wholly
        // before it, so following them always ends.
        let instructionsFit = instructions.indices.allSatisfy { position in
            let instruction = instructions[position], here = Int32(position)
            switch instruction.operation {
            case .word: return fitsPool(instruction.a, instruction.b)
            case .not:
                return fitsPool(instruction.a, instruction.b) && fitsPool(instruction.b, instruction.c)
                    && pool[Int(instruction.b)..<Int(instruction.c)].allSatisfy(isClass)
            case .tokenClass, .punctuation: return true
            case .gap: return instruction.a >= 0 && Int(instruction.a) <= PhrasePattern.maximumGap
            case .wordClass: return isClass(instruction.a)
            case .choice:
                return instruction.a >= 0 && instruction.a <= instruction.b && Int(instruction.b) <= alternatives.count
                    && alternatives[Int(instruction.a)..<Int(instruction.b)].allSatisfy { fits($0, before: here) }
            case .optional: return fits(Code(start: instruction.a, end: instruction.b), before: here)
            }
        }
        guard instructionsFit, alternatives.allSatisfy(fits),
              classes.allSatisfy({ $0.byTokenClass.allSatisfy { fits($0.code) } && $0.unindexed.allSatisfy(fits) }),
              classSequences.allSatisfy({ fits($0.code) && isClass($0.wordClass) }),
              // `isMember` checks its slot against `classMembers`, which words numbered after the
              // classes were compiled do not reach.
              classStride >= 1, classStride <= 1 << 20, classes.count <= classStride * 64,
              index.spans.count == index.count, index.byClassBit.count == 32,
              (index.byClassBit.joined() + index.anywhere + index.byId.parts.values + index.requiring.parts.values)
                  .allSatisfy({ $0 >= 0 && Int($0) < index.count }),
              classSequenceStarts.parts.values.allSatisfy({ $0 >= 0 && Int($0) < classSequences.count }),
              compiled.allSatisfy({ entry in
                  fits(entry.code) && entry.conditions.allSatisfy { $0.tests.allSatisfy { $0.code.map(fits) ?? true } }
              })
        else { return false }
        return classReferencesEnd()
    }

    /// Whether no word class reaches itself through the classes its phrases name.
    private func classReferencesEnd() -> Bool {
        var references = Array(repeating: Set<Int>(), count: classes.count)
        func collect(_ code: Code, into set: inout Set<Int>) {
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
        // Depth-first search for a cycle: 0 unvisited, 1 on the path, 2 done.
        var state = Array(repeating: UInt8(0), count: classes.count)
        func acyclic(_ c: Int) -> Bool {
            if state[c] == 2 { return true }
            if state[c] == 1 { return false }
            state[c] = 1
            for next in references[c] where !acyclic(next) { return false }
            state[c] = 2
            return true
        }
        return classes.indices.allSatisfy(acyclic)
    }
}
