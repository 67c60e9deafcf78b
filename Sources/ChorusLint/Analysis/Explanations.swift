/// Terms a message explains itself, which are not jargon anywhere in it: "koji (the Fedora build
/// system)", "ACM – our Access Control Manager", "a POST request is used whenever you click a
/// button", "zeroize, which means wipe the settings".
enum Explanations {
    static let explanationOpeners: Set<String> = [
        "the", "a", "an", "our", "your", "which", "i.e", "ie", "aka", "also", "meaning", "means", "e.g", "that", "this",
        "basically", "essentially", "roughly", "simply",
    ]

    /// Keys of the word tokens that an explanation follows.
    static func explainedKeys(_ tokens: [Token]) -> Set<String> {
        var keys = Set<String>()
        func key(_ k: Int) -> String { k < tokens.count ? tokens[k].key : "" }
        for k in tokens.indices where tokens[k].isWord {
            let next = key(k + 1)
            // "koji (the fedora buildsystem)", "MPG (our managed database)"
            if next == "(", explanationOpeners.contains(key(k + 2)) { keys.insert(tokens[k].key) }
            // "ACM – our Access Control Manager", "zeroize: that is, wipe"
            if ["—", "-", ":"].contains(next), ["our", "the", "a", "an", "that", "which", "i.e"].contains(key(k + 2)) {
                keys.insert(tokens[k].key)
            }
            // "zeroize, which means wipe", "zeroize means wipe", "zeroize refers to"
            if next == ",", key(k + 2) == "which", ["means", "is", "refers", "lets", "allows"].contains(key(k + 3)) {
                keys.insert(tokens[k].key)
            }
            if ["means", "refers"].contains(next) { keys.insert(tokens[k].key) }
            // "a POST request is used whenever you click…"
            for skip in 1...2 where ["is", "are"].contains(key(k + skip)) && key(k + skip + 1) == "used"
                && ["whenever", "when", "to", "for", "by"].contains(key(k + skip + 2)) {
                keys.insert(tokens[k].key)
            }
        }
        return keys
    }
}
