/// Terms a message explains itself, which are not jargon anywhere in it: "koji (the Fedora build
/// system)", "ACM – our Access Control Manager", "a POST request is used whenever you click a
/// button", "zeroize, which means wipe the settings".
enum Explanations {
    static let explanationOpeners: Set<String> = [
        "the", "a", "an", "our", "your", "which", "i.e", "ie", "aka", "also", "meaning", "means", "e.g", "that", "this",
        "basically", "essentially", "roughly", "simply",
    ]

    static let joiners: Set<String> = ["—", "-", ":"]
    static let joinedOpeners: Set<String> = ["our", "the", "a", "an", "that", "which", "i.e"]
    static let whichVerbs: Set<String> = ["means", "is", "refers", "lets", "allows"]
    static let meaningVerbs: Set<String> = ["means", "refers"]
    static let copulas: Set<String> = ["is", "are"]
    static let usedFor: Set<String> = ["whenever", "when", "to", "for", "by"]

    /// Keys of the word tokens that an explanation follows.
    static func explainedKeys(_ tokens: [Token]) -> Set<String> {
        var keys = Set<String>()
        func key(_ k: Int) -> String { k < tokens.count ? tokens[k].key : "" }
        for k in tokens.indices where tokens[k].isWord && k + 1 < tokens.count {
            let next = tokens[k + 1].key
            // "koji (the fedora buildsystem)", "MPG (our managed database)"
            if next == "(", explanationOpeners.contains(key(k + 2)) { keys.insert(tokens[k].key) }
            // "ACM – our Access Control Manager", "zeroize: that is, wipe"
            if joiners.contains(next), joinedOpeners.contains(key(k + 2)) { keys.insert(tokens[k].key) }
            // "zeroize, which means wipe", "zeroize means wipe", "zeroize refers to"
            if next == ",", key(k + 2) == "which", whichVerbs.contains(key(k + 3)) { keys.insert(tokens[k].key) }
            if meaningVerbs.contains(next) { keys.insert(tokens[k].key) }
            // "a POST request is used whenever you click…"
            for skip in 1...2 where copulas.contains(key(k + skip)) && key(k + skip + 1) == "used"
                && usedFor.contains(key(k + skip + 2)) {
                keys.insert(tokens[k].key)
            }
        }
        return keys
    }
}
