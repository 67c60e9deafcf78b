/// "Did you mean …?" for names a person typed: keys, options, audiences, categories.
public enum NameSuggestion {
    /// The candidate closest to `input`, when it is close enough to be a plausible typo.
    ///
    /// Close enough: an edit distance (insertions, deletions, substitutions and adjacent
    /// transpositions) of at most a third of the longer name, and at most 3; a difference only
    /// of case, `-` versus `_`, or spacing; or, failing those, the only candidate that begins
    /// with what was typed (at least four characters: "degraded" for "degraded_performance").
    public static func closest<S: Sequence>(to input: String, among candidates: S) -> String? where S.Element == String {
        let normalizedInput = normalize(input)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != input {
            if normalize(candidate) == normalizedInput { return candidate }
            let distance = editDistance(input.lowercased(), candidate.lowercased())
            let limit = min(3, max(1, max(input.count, candidate.count) / 3))
            guard distance <= limit else { continue }
            if distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        if let best { return best.name }
        guard normalizedInput.count >= 4 else { return nil }
        let extensions = candidates.filter { normalize($0).hasPrefix(normalizedInput) }
        return extensions.count == 1 ? extensions.first : nil
    }

    /// Damerau-Levenshtein distance (optimal string alignment) over characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    private static func normalize(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != " " })
    }
}
