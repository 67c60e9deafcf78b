/// Terms a message explains itself, which are not jargon anywhere in it: "koji (the Fedora build
/// system)", "ACM – our Access Control Manager", "a POST request is used whenever you click a
/// button", "zeroize, which means wipe the settings", and acronyms next to their spelled-out
/// words in brackets: "domain name service (DNS)", "QPS (queries per second)".
enum Explanations {
    static let explanationOpeners: Set<String> = [
        "the", "a", "an", "our", "your", "which", "i.e", "ie", "aka", "also", "meaning", "means", "e.g", "that", "this",
        "basically", "essentially", "roughly", "simply",
    ]
    private static let dashes: Set<String> = ["—", "-", ":"]
    private static let dashOpeners: Set<String> = ["our", "the", "a", "an", "that", "which", "i.e"]
    private static let definingVerbs: Set<String> = ["means", "is", "refers", "lets", "allows"]
    private static let usedFor: Set<String> = ["whenever", "when", "to", "for", "by"]
    /// Small words a spelled-out acronym may leave out ("Management & Access", "Denial of Service").
    private static let skippable: Set<String> = ["of", "and", "&", "the", "for", "to", "a", "an", "in", "on", "as", "-"]

    /// Keys of the word tokens that an explanation follows.
    static func explainedKeys(_ tokens: [Token]) -> Set<String> {
        var keys = Set<String>()
        func key(_ k: Int) -> String { k >= 0 && k < tokens.count ? tokens[k].key : "" }
        for k in tokens.indices where tokens[k].isWord {
            let next = key(k + 1)
            // "koji (the fedora buildsystem)", "MPG (our managed database)"
            if next == "(", explanationOpeners.contains(key(k + 2)) { keys.insert(tokens[k].key) }
            // "ACM – our Access Control Manager", "zeroize: that is, wipe"
            if dashes.contains(next), dashOpeners.contains(key(k + 2)) { keys.insert(tokens[k].key) }
            // "zeroize, which means wipe", "zeroize means wipe", "zeroize refers to"
            if next == ",", key(k + 2) == "which", definingVerbs.contains(key(k + 3)) { keys.insert(tokens[k].key) }
            if next == "means" || next == "refers" { keys.insert(tokens[k].key) }
            // "a POST request is used whenever you click…"
            for skip in 1...2 where (key(k + skip) == "is" || key(k + skip) == "are") && key(k + skip + 1) == "used"
                && usedFor.contains(key(k + skip + 2)) {
                keys.insert(tokens[k].key)
            }
            if tokens[k].classes.contains(.acronym), isSpelledOut(tokens, acronymAt: k) { keys.insert(tokens[k].key) }
        }
        return keys
    }

    /// Whether the acronym at `k` stands in brackets after the words it abbreviates ("User
    /// Management & Access (UMA)"), or is followed by them in brackets ("QPS (queries per second)").
    static func isSpelledOut(_ tokens: [Token], acronymAt k: Int) -> Bool {
        let letters = Array(tokens[k].key.utf8.filter { $0 >= 97 && $0 <= 122 })
        // Spelled-out acronyms have a handful of letters; the cap keeps the search small.
        guard (2...10).contains(letters.count) else { return false }
        func isWord(_ j: Int) -> Bool { j >= 0 && j < tokens.count && (tokens[j].isWord || skippable.contains(tokens[j].key)) }
        let longest = 2 * letters.count + 2
        // Words before "(ACR)".
        if k >= 2, k + 1 < tokens.count, tokens[k - 1].key == "(", tokens[k + 1].key == ")" {
            var start = k - 2
            while start - 1 >= 0, k - 1 - start < longest, isWord(start - 1) { start -= 1 }
            // The words may start anywhere in the run: "the domain name service (DNS)".
            if isWord(k - 2) {
                for first in start...(k - 2) where spellsAcronym(letters, tokens[first..<(k - 1)].map(\.key)) { return true }
            }
        }
        // "(words)" after the acronym.
        if k + 2 < tokens.count, tokens[k + 1].key == "(" {
            var end = k + 2
            while end < tokens.count, end - k - 2 < longest, tokens[end].key != ")" {
                guard isWord(end) else { return false }
                end += 1
            }
            if end < tokens.count, tokens[end].key == ")", end > k + 2 { return spellsAcronym(letters, tokens[(k + 2)..<end].map(\.key)) }
        }
        return false
    }

    /// `spells`, for an acronym perhaps written as a plural ("VMs (virtual machines)").
    private static func spellsAcronym(_ letters: [UInt8], _ words: [String]) -> Bool {
        spells(letters, words) || (letters.count > 2 && letters.last == UInt8(ascii: "s") && spells(Array(letters.dropLast()), words))
    }

    /// Whether the initials of `words` spell `letters` in order, small words counting or not.
    static func spells(_ letters: [UInt8], _ words: [String]) -> Bool {
        guard let firstWord = words.first, !skippable.contains(firstWord) || words.count == 1 else { return false }
        // reachable[j]: the first j letters are spelled by the words read so far.
        var reachable = Array(repeating: false, count: letters.count + 1)
        reachable[0] = true
        for word in words {
            let initial = word.utf8.first
            let optional = skippable.contains(word)
            var next = Array(repeating: false, count: letters.count + 1)
            for j in reachable.indices where reachable[j] {
                if optional { next[j] = true }
                if j < letters.count, initial == letters[j] { next[j + 1] = true }
            }
            reachable = next
            if !reachable.contains(true) { return false }
        }
        return reachable[letters.count]
    }
}
