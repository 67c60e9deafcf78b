/// A term of the organization's vocabulary passed to one `lint` call (an incident id, a
/// component's public name): its tokens' keys, each word also in a plural. The phrasebook's
/// lexicon does not know these words, so they are compared as keys.
struct VocabularyPhrase: Sendable {
    /// Per token: the keys it may have.
    let keys: [[String]]

    init?(_ term: String) {
        let tokens = Tokenizer.tokenize(Array(term.utf8), skipping: [])
        guard !tokens.isEmpty, !tokens.contains(where: \.isOpaque) else { return nil }
        keys = tokens.map { $0.isPunctuation ? [$0.key] : [$0.key, $0.key + "s"] }
    }

    /// The end of the phrase if it starts at token `k` and ends by `limit`.
    func longestMatch(in tokens: [Token], at k: Int, limit: Int) -> Int? {
        guard k + keys.count <= limit else { return nil }
        for (offset, forms) in keys.enumerated() {
            let token = tokens[k + offset]
            guard !token.isOpaque, forms.contains(token.key) else { return nil }
        }
        return k + keys.count
    }
}
