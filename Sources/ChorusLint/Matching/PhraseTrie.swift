/// One step of a compiled phrase: a vocabulary word (by stem or exact-form id), a class, or a
/// macro (any phrase of a `[define NAME]` section).
enum PhraseStep: Hashable, Sendable {
    case word(Int32)
    case placeholder(TokenClass)
    case macro(Int32)
}

/// Every phrase of the phrasebook in one token trie. A phrase's cost at lint time is a walk of
/// at most its own length from each token, whatever the number of phrases: children are found
/// by hashing (node, word id), the root's children by indexing an array by word id, and class
/// and macro edges are few and screened by a per-node bit mask. Macros are sub-tries with their
/// own roots (nodes 1…M), so `{duration}` costs one sub-walk, not one path per alternative.
struct PhraseTrie: Sendable {
    /// Main-root children by vocabulary id (-1: none).
    private(set) var rootChildren: [Int32] = []
    /// Per node: union of class-edge bits; class edges from `classEdgeStart[node]` to `[node + 1]`.
    private(set) var classMask: [UInt32] = []
    private(set) var classEdgeStart: [Int32] = []
    private(set) var classEdgeBits: [UInt32] = []
    private(set) var classEdgeChild: [Int32] = []
    /// Per node: macro edges from `macroEdgeStart[node]` to `[node + 1]`.
    private(set) var macroEdgeStart: [Int32] = []
    private(set) var macroEdgeMacro: [Int32] = []
    private(set) var macroEdgeChild: [Int32] = []
    /// Per node: the phrase ids that end there, from `terminalStart[node]` to `[node + 1]`.
    private(set) var terminalStart: [Int32] = []
    private(set) var terminals: [Int32] = []
    /// Per node: a macro's phrase ends here.
    private(set) var macroEnd: [Bool] = []
    /// (node << 32 | word id) → child, open addressing; `emptyKey` marks a free slot.
    private var edgeKeys: [UInt64] = []
    private var edgeChildren: [Int32] = []
    /// 64 − log2(table size): the multiplicative hash keeps the product's top bits.
    private var edgeShift: UInt64 = 60
    /// A one-bit-per-key Bloom filter over the edge table, eight bits per edge, so that most
    /// lookups of a word that continues no phrase (nearly all of them) read one L1-resident
    /// word instead of probing the much larger table.
    private var edgeFilter: [UInt64] = []
    /// 64 − log2(filter bits).
    private var filterShift: UInt64 = 58
    static let emptyKey = UInt64.max

    /// Per macro, by vocabulary id (`macro * vocabularySize + id`): some phrase of the macro can
    /// start with that word (directly or through a macro it starts with).
    private(set) var macroFirstWords: [Bool] = []
    /// Per macro: the class bits one of its phrases can start with.
    private(set) var macroFirstClasses: [UInt32] = []
    private(set) var vocabularySize = 0
    /// By vocabulary id: a phrase can start with that word (directly or through a macro), and
    /// the class bits a phrase can start with: the first, cheapest screen of `mayStart`.
    private(set) var startWords: [Bool] = []
    private(set) var startClasses: UInt32 = 0

    var nodeCount: Int { classMask.count }

    /// The root node of macro `macro`.
    @inline(__always)
    static func macroRoot(_ macro: Int32) -> Int32 { macro + 1 }

    /// Builds the trie. `root` is -1 for phrasebook entries (id = entry index) and the macro
    /// number for the phrases of a macro.
    init(phrases: [(steps: [PhraseStep], id: Int32, root: Int32)], macroCount: Int, vocabularySize: Int) {
        var wordChildren: [[Int32: Int32]] = Array(repeating: [:], count: macroCount + 1)
        var classChildren: [[UInt32: Int32]] = Array(repeating: [:], count: macroCount + 1)
        var macroChildren: [[Int32: Int32]] = Array(repeating: [:], count: macroCount + 1)
        var ends: [[Int32]] = Array(repeating: [], count: macroCount + 1)
        var macroEnds: [Bool] = Array(repeating: false, count: macroCount + 1)
        func newNode() -> Int32 {
            wordChildren.append([:]); classChildren.append([:]); macroChildren.append([:])
            ends.append([]); macroEnds.append(false)
            return Int32(wordChildren.count - 1)
        }
        for phrase in phrases {
            var node: Int32 = phrase.root < 0 ? 0 : PhraseTrie.macroRoot(phrase.root)
            for step in phrase.steps {
                switch step {
                case .word(let id):
                    if let child = wordChildren[Int(node)][id] { node = child } else {
                        let child = newNode(); wordChildren[Int(node)][id] = child; node = child
                    }
                case .placeholder(let tokenClass):
                    if let child = classChildren[Int(node)][tokenClass.rawValue] { node = child } else {
                        let child = newNode(); classChildren[Int(node)][tokenClass.rawValue] = child; node = child
                    }
                case .macro(let macro):
                    if let child = macroChildren[Int(node)][macro] { node = child } else {
                        let child = newNode(); macroChildren[Int(node)][macro] = child; node = child
                    }
                }
            }
            if phrase.root >= 0 {
                macroEnds[Int(node)] = true
            } else if !ends[Int(node)].contains(phrase.id) {
                ends[Int(node)].append(phrase.id)
            }
        }
        let nodes = wordChildren.count
        rootChildren = Array(repeating: -1, count: vocabularySize)
        for (id, child) in wordChildren[0] { rootChildren[Int(id)] = child }
        // What each macro can consume first (a macro's phrase consumes at least one token, so
        // its first step is a word, a class, or the first step of another macro).
        self.vocabularySize = vocabularySize
        macroFirstWords = Array(repeating: false, count: macroCount * vocabularySize)
        for macro in 0..<macroCount {
            var classes: UInt32 = 0
            var visited = Set<Int32>()
            var pending = [Int32(macro)]
            while let inner = pending.popLast() {
                guard visited.insert(inner).inserted else { continue }
                let node = Int(PhraseTrie.macroRoot(inner))
                for id in wordChildren[node].keys { macroFirstWords[macro * vocabularySize + Int(id)] = true }
                for bits in classChildren[node].keys { classes |= bits }
                pending.append(contentsOf: macroChildren[node].keys)
            }
            macroFirstClasses.append(classes)
        }
        startWords = rootChildren.map { $0 >= 0 }
        startClasses = classChildren[0].keys.reduce(0, |)
        for macro in macroChildren[0].keys {
            startClasses |= macroFirstClasses[Int(macro)]
            let base = Int(macro) * vocabularySize
            for id in 0..<vocabularySize where macroFirstWords[base + id] { startWords[id] = true }
        }
        var edgeCount = 0
        for node in 1..<nodes { edgeCount += wordChildren[node].count }
        var capacity = 16
        while capacity < edgeCount * 2 { capacity *= 2 }
        edgeShift = UInt64(64 - capacity.trailingZeroBitCount)
        edgeKeys = Array(repeating: PhraseTrie.emptyKey, count: capacity)
        var filterBits = 64
        while filterBits < edgeCount * 8 { filterBits *= 2 }
        filterShift = UInt64(64 - filterBits.trailingZeroBitCount)
        edgeFilter = Array(repeating: 0, count: filterBits / 64)
        edgeChildren = Array(repeating: -1, count: capacity)
        for node in 0..<nodes {
            classEdgeStart.append(Int32(classEdgeBits.count))
            macroEdgeStart.append(Int32(macroEdgeMacro.count))
            terminalStart.append(Int32(terminals.count))
            var mask: UInt32 = 0
            for (bits, child) in classChildren[node].sorted(by: { $0.key < $1.key }) {
                mask |= bits
                classEdgeBits.append(bits)
                classEdgeChild.append(child)
            }
            for (macro, child) in macroChildren[node].sorted(by: { $0.key < $1.key }) {
                macroEdgeMacro.append(macro)
                macroEdgeChild.append(child)
            }
            classMask.append(mask)
            terminals.append(contentsOf: ends[node].sorted())
            macroEnd.append(macroEnds[node])
            if node > 0 {
                for (id, child) in wordChildren[node] { insertEdge(node: Int32(node), word: id, child: child) }
            }
        }
        classEdgeStart.append(Int32(classEdgeBits.count))
        macroEdgeStart.append(Int32(macroEdgeMacro.count))
        terminalStart.append(Int32(terminals.count))
    }

    private mutating func insertEdge(node: Int32, word: Int32, child: Int32) {
        let key = PhraseTrie.key(node, word)
        let mask = edgeKeys.count - 1
        var slot = PhraseTrie.slot(key, shift: edgeShift)
        while edgeKeys[slot] != PhraseTrie.emptyKey { slot = (slot &+ 1) & mask }
        edgeKeys[slot] = key
        let bit = PhraseTrie.filterBit(key, shift: filterShift)
        edgeFilter[bit &>> 6] |= 1 &<< UInt64(bit & 63)
        edgeChildren[slot] = child
    }

    @inline(__always)
    static func key(_ node: Int32, _ word: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: word))
    }

    @inline(__always)
    static func slot(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The key's bit in the edge filter: an independent multiplicative hash.
    @inline(__always)
    static func filterBit(_ key: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0xC2B2_AE3D_27D4_EB4F) >> shift)
    }

    /// Runs `body` with an allocation-free view of the trie.
    func view<R>(_ body: (View) throws -> R) rethrows -> R {
        try rootChildren.withUnsafeBufferPointer { root in
        try classMask.withUnsafeBufferPointer { classMask in
        try classEdgeStart.withUnsafeBufferPointer { classEdgeStart in
        try classEdgeBits.withUnsafeBufferPointer { classEdgeBits in
        try classEdgeChild.withUnsafeBufferPointer { classEdgeChild in
        try macroEdgeStart.withUnsafeBufferPointer { macroEdgeStart in
        try macroEdgeMacro.withUnsafeBufferPointer { macroEdgeMacro in
        try macroEdgeChild.withUnsafeBufferPointer { macroEdgeChild in
        try terminalStart.withUnsafeBufferPointer { terminalStart in
        try terminals.withUnsafeBufferPointer { terminals in
        try macroEnd.withUnsafeBufferPointer { macroEnd in
        try edgeFilter.withUnsafeBufferPointer { edgeFilter in
        try edgeKeys.withUnsafeBufferPointer { edgeKeys in
        try edgeChildren.withUnsafeBufferPointer { edgeChildren in
        try macroFirstWords.withUnsafeBufferPointer { macroFirstWords in
        try macroFirstClasses.withUnsafeBufferPointer { macroFirstClasses in
        try startWords.withUnsafeBufferPointer { startWords in
            try body(View(
                root: root, classMask: classMask, classEdgeStart: classEdgeStart, classEdgeBits: classEdgeBits,
                classEdgeChild: classEdgeChild, macroEdgeStart: macroEdgeStart, macroEdgeMacro: macroEdgeMacro,
                macroEdgeChild: macroEdgeChild, terminalStart: terminalStart, terminals: terminals,
                macroEnd: macroEnd, edgeKeys: edgeKeys, edgeChildren: edgeChildren,
                edgeShift: edgeShift, edgeFilter: edgeFilter, filterShift: filterShift, macroFirstWords: macroFirstWords, macroFirstClasses: macroFirstClasses,
                vocabularySize: vocabularySize, startWords: startWords, startClasses: startClasses))
        }}}}}}}}}}}}}}}}}
    }

    /// Unsafe, allocation-free traversal, valid inside `view`.
    struct View {
        let root: UnsafeBufferPointer<Int32>
        let classMask: UnsafeBufferPointer<UInt32>
        let classEdgeStart: UnsafeBufferPointer<Int32>
        let classEdgeBits: UnsafeBufferPointer<UInt32>
        let classEdgeChild: UnsafeBufferPointer<Int32>
        let macroEdgeStart: UnsafeBufferPointer<Int32>
        let macroEdgeMacro: UnsafeBufferPointer<Int32>
        let macroEdgeChild: UnsafeBufferPointer<Int32>
        let terminalStart: UnsafeBufferPointer<Int32>
        let terminals: UnsafeBufferPointer<Int32>
        let macroEnd: UnsafeBufferPointer<Bool>
        let edgeKeys: UnsafeBufferPointer<UInt64>
        let edgeChildren: UnsafeBufferPointer<Int32>
        let edgeShift: UInt64
        let edgeFilter: UnsafeBufferPointer<UInt64>
        let filterShift: UInt64
        let macroFirstWords: UnsafeBufferPointer<Bool>
        let macroFirstClasses: UnsafeBufferPointer<UInt32>
        let vocabularySize: Int
        let startWords: UnsafeBufferPointer<Bool>
        let startClasses: UInt32

        /// The child of `node` along word `word`, or -1.
        @inline(__always)
        func child(_ node: Int32, word: Int32) -> Int32 {
            if word < 0 { return -1 }
            if node == 0 { return root[Int(word)] }
            let key = PhraseTrie.key(node, word)
            let bit = PhraseTrie.filterBit(key, shift: filterShift)
            if edgeFilter[bit &>> 6] & (1 &<< UInt64(bit & 63)) == 0 { return -1 }
            let mask = edgeKeys.count &- 1
            var slot = PhraseTrie.slot(key, shift: edgeShift)
            while true {
                let found = edgeKeys[slot]
                if found == key { return edgeChildren[slot] }
                if found == PhraseTrie.emptyKey { return -1 }
                slot = (slot &+ 1) & mask
            }
        }

        /// Whether a walk from `tokens[k]` can record anything: a cheap screen before `matches`.
        /// Exact in one direction: when it says no, `matches` would find nothing. It follows each
        /// edge the first token can take and asks whether a phrase ends there or the next token
        /// can take a step from there (a macro step only when the token can start the macro).
        @inline(__always)
        func mayStart(_ tokens: UnsafeBufferPointer<Token>, _ k: Int) -> Bool {
            let token = tokens[k]
            guard mayStart(stem: token.stem, exact: token.exact, classes: token.classes) else { return false }
            if classMask[0] & token.classes != 0 {
                for e in Int(classEdgeStart[0])..<Int(classEdgeStart[1]) where classEdgeBits[e] & token.classes != 0 {
                    if mayContinue(classEdgeChild[e], tokens, k + 1) { return true }
                }
            }
            if token.stem >= 0 {
                let first = root[Int(token.stem)]
                if first >= 0, mayContinue(first, tokens, k + 1) { return true }
            }
            if token.exact >= 0 {
                let first = root[Int(token.exact)]
                if first >= 0, mayContinue(first, tokens, k + 1) { return true }
            }
            for e in Int(macroEdgeStart[0])..<Int(macroEdgeStart[1]) where macroMayStart(macroEdgeMacro[e], token) {
                return true
            }
            return false
        }

        /// The first screen of `mayStart`, by the token alone: whether any phrase can start with it.
        @inline(__always)
        func mayStart(stem: Int32, exact: Int32, classes: UInt32) -> Bool {
            classes & startClasses != 0 || (stem >= 0 && startWords[Int(stem)]) || (exact >= 0 && startWords[Int(exact)])
        }

        /// Whether a walk that has reached `node` (of the main trie) with `tokens[next]` to come can
        /// record anything: a phrase ends at `node`, or the next token can take a step from it.
        @inline(__always)
        private func mayContinue(_ node: Int32, _ tokens: UnsafeBufferPointer<Token>, _ next: Int) -> Bool {
            let n = Int(node)
            if terminalStart[n] < terminalStart[n + 1] { return true }
            guard next < tokens.count else { return false }
            let token = tokens[next]
            if token.flags & Token.breakBefore != 0 { return false }
            if classMask[n] & token.classes != 0 { return true }
            if child(node, word: token.stem) >= 0 { return true }
            if token.exact >= 0, child(node, word: token.exact) >= 0 { return true }
            for e in Int(macroEdgeStart[n])..<Int(macroEdgeStart[n + 1]) where macroMayStart(macroEdgeMacro[e], token) {
                return true
            }
            return false
        }

        /// Whether `token` can be the first token of a phrase of `macro`.
        @inline(__always)
        fileprivate func macroMayStart(_ macro: Int32, _ token: Token) -> Bool {
            if macroFirstClasses[Int(macro)] & token.classes != 0 { return true }
            let base = Int(macro) &* vocabularySize
            return (token.stem >= 0 && macroFirstWords[base + Int(token.stem)])
                || (token.exact >= 0 && macroFirstWords[base + Int(token.exact)])
        }
    }
}

/// A phrase found in the text: phrase id and the tokens it covers (end exclusive).
struct PhraseHit: Equatable {
    var phrase: Int32
    var startToken: Int32
    var endToken: Int32
}

extension PhraseTrie.View {
    /// Appends every phrasebook entry that matches at `start` in `tokens` to `hits`. `scratch`
    /// is working space for macro end positions (used as a stack; left as found).
    func matches(at start: Int, in tokens: UnsafeBufferPointer<Token>, into hits: inout [PhraseHit], scratch: inout [Int]) {
        walk(0, start, start, tokens, &hits, &scratch)
    }

    /// Walks the main trie: records entries ending at `node`, then every step onwards.
    private func walk(_ node: Int32, _ index: Int, _ start: Int, _ tokens: UnsafeBufferPointer<Token>,
                      _ hits: inout [PhraseHit], _ scratch: inout [Int]) {
        let n = Int(node)
        if index > start {
            let from = Int(terminalStart[n]), to = Int(terminalStart[n + 1])
            if from < to {
                for k in from..<to {
                    hits.append(PhraseHit(phrase: terminals[k], startToken: Int32(start), endToken: Int32(index)))
                }
            }
        }
        guard index < tokens.count else { return }
        let token = tokens[index]
        if index > start, token.flags & Token.breakBefore != 0 { return }
        let byStem = child(node, word: token.stem)
        if byStem >= 0 { walk(byStem, index + 1, start, tokens, &hits, &scratch) }
        if token.exact >= 0 {
            let byExact = child(node, word: token.exact)
            if byExact >= 0 { walk(byExact, index + 1, start, tokens, &hits, &scratch) }
        }
        if classMask[n] & token.classes != 0 {
            for k in Int(classEdgeStart[n])..<Int(classEdgeStart[n + 1]) where classEdgeBits[k] & token.classes != 0 {
                walk(classEdgeChild[k], index + 1, start, tokens, &hits, &scratch)
            }
        }
        let macroFrom = Int(macroEdgeStart[n]), macroTo = Int(macroEdgeStart[n + 1])
        if macroFrom < macroTo {
            for k in macroFrom..<macroTo where macroMayStart(macroEdgeMacro[k], token) {
                let base = scratch.count
                macroEnds(PhraseTrie.macroRoot(macroEdgeMacro[k]), index, index, start, tokens, &scratch)
                let top = scratch.count
                var e = base
                while e < top {
                    walk(macroEdgeChild[k], scratch[e], start, tokens, &hits, &scratch)
                    e += 1
                }
                scratch.removeLast(scratch.count - base)
            }
        }
    }

    /// Walks a macro's sub-trie from `node`, appending to `ends` each index where one of its
    /// phrases ends (a phrase consumes at least one token).
    private func macroEnds(_ node: Int32, _ index: Int, _ entry: Int, _ start: Int, _ tokens: UnsafeBufferPointer<Token>,
                           _ ends: inout [Int]) {
        let n = Int(node)
        if index > entry, macroEnd[n], !ends.contains(index) { ends.append(index) }
        guard index < tokens.count else { return }
        let token = tokens[index]
        if index > start, token.flags & Token.breakBefore != 0 { return }
        let byStem = child(node, word: token.stem)
        if byStem >= 0 { macroEnds(byStem, index + 1, entry, start, tokens, &ends) }
        if token.exact >= 0 {
            let byExact = child(node, word: token.exact)
            if byExact >= 0 { macroEnds(byExact, index + 1, entry, start, tokens, &ends) }
        }
        if classMask[n] & token.classes != 0 {
            for k in Int(classEdgeStart[n])..<Int(classEdgeStart[n + 1]) where classEdgeBits[k] & token.classes != 0 {
                macroEnds(classEdgeChild[k], index + 1, entry, start, tokens, &ends)
            }
        }
        let macroFrom = Int(macroEdgeStart[n]), macroTo = Int(macroEdgeStart[n + 1])
        if macroFrom < macroTo {
            for k in macroFrom..<macroTo where macroMayStart(macroEdgeMacro[k], token) {
                // A macro inside a macro: its ends continue this macro's walk.
                var inner: [Int] = []
                macroEnds(PhraseTrie.macroRoot(macroEdgeMacro[k]), index, index, start, tokens, &inner)
                for end in inner { macroEnds(macroEdgeChild[k], end, entry, start, tokens, &ends) }
            }
        }
    }
}
