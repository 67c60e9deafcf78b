/// The inflected forms a phrasebook word matches: `restore` matches `restores`, `restored`,
/// `restoring`; `delay` matches `delays`, `delayed`; `stop` matches `stopped`; `outage` matches
/// `outages`. Forms are generated from the word as written (not stemmed from the text), so a
/// text word matches only forms of words the phrasebook lists. Function words and short words
/// are not inflected; irregular forms come from the built-in table below.
enum Inflection {
    /// Every form of `word` (lowercase key), the word itself first.
    static func forms(of word: String) -> [String] {
        if let group = irregularGroup[word] { return [word] + group.filter { $0 != word }.sorted() }
        guard word.count >= 3, !doNotInflect.contains(word), word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0 == "'" }),
              !word.contains(Character("'")) else { return [word] }
        var forms = [word]
        func add(_ form: String) { if !forms.contains(form) { forms.append(form) } }
        let chars = Array(word)
        let last = chars[chars.count - 1]
        let beforeLast = chars[chars.count - 2]
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        // -s / -es / -ies
        if last == "y", !vowels.contains(beforeLast) {
            add(String(chars.dropLast()) + "ies")
        } else if word.hasSuffix("s") || word.hasSuffix("x") || word.hasSuffix("z") || word.hasSuffix("ch") || word.hasSuffix("sh") {
            add(word + "es")
        } else {
            add(word + "s")
        }
        // -ed / -ing
        if last == "e" {
            add(word + "d")
            if word.hasSuffix("ee") { add(word + "ing") } else if word.hasSuffix("ie") {
                add(String(chars.dropLast(2)) + "ying")
            } else {
                add(String(chars.dropLast()) + "ing")
            }
        } else if last == "y", !vowels.contains(beforeLast) {
            add(String(chars.dropLast()) + "ied")
            add(word + "ing")
        } else {
            add(word + "ed")
            add(word + "ing")
            // stop → stopped, plan → planned: one vowel before a final consonant
            if chars.count >= 3, !vowels.contains(last), !"wxy".contains(last), vowels.contains(beforeLast),
               !vowels.contains(chars[chars.count - 3]), chars.count <= 5 {
                add(word + String(last) + "ed")
                add(word + String(last) + "ing")
            }
        }
        // -ed / -s given: also the base (deployed → deploy, instances → instance)
        // (an -ing word is listed as a noun — "routing", "tooling" — and keeps to its own forms)
        for (suffix, replacements) in [("ies", ["y"]), ("ied", ["y"]), ("ed", ["", "e"]), ("es", [""]), ("s", [""])]
        where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            let stem = String(word.dropLast(suffix.count))
            for replacement in replacements where !(suffix == "s" && stem.hasSuffix("s")) { add(stem + replacement) }
            break
        }
        return forms
    }

    /// Words matched only as written: function words, and words whose "inflections" would be
    /// other words.
    static let doNotInflect: Set<String> = [
        "the", "and", "but", "for", "nor", "yet", "not", "was", "were", "are", "has", "had", "its", "our", "ours", "you",
        "your", "they", "their", "them", "this", "that", "these", "those", "with", "from", "into", "onto", "over", "under",
        "about", "after", "before", "during", "until", "since", "than", "then", "there", "here", "when", "where", "which",
        "while", "who", "whom", "whose", "what", "why", "how", "all", "any", "each", "every", "some", "more", "most",
        "less", "least", "few", "many", "much", "such", "own", "same", "other", "another", "both", "either", "neither",
        "only", "just", "also", "very", "too", "again", "once", "still", "even", "ever", "never", "always", "soon",
        "shortly", "now", "today", "tonight", "tomorrow", "will", "would", "shall", "should", "can", "could", "may",
        "might", "must", "does", "did", "done", "been", "being", "his", "her", "hers", "him", "she", "per", "via",
        "upon", "within", "without", "across", "around", "through", "throughout", "against", "between", "among",
        "because", "though", "although", "unless", "whether", "news", "status", "always", "perhaps", "maybe",
        "likely", "unlikely", "probably", "possibly", "apparently", "seemingly", "brief", "briefly", "minor",
        "slight", "slightly", "short", "small", "little", "quick", "quickly", "less", "ago",
    ]

    /// Each irregular form with its group.
    static let irregularGroup: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for group in irregular { for form in group { table[form] = group } }
        return table
    }()

    /// Irregular forms of content verbs, each group matched as one word (`be`, `have` and `do`
    /// are matched as written: spell out the forms a pattern needs).
    static let irregular: [Set<String>] = [
        ["go", "goes", "went", "gone", "going"],
        ["take", "takes", "took", "taken", "taking"],
        ["make", "makes", "made", "making"],
        ["come", "comes", "came", "coming"],
        ["become", "becomes", "became", "becoming"],
        ["run", "runs", "ran", "running"],
        ["break", "breaks", "broke", "broken", "breaking"],
        ["see", "sees", "saw", "seen", "seeing"],
        ["find", "finds", "found", "finding"],
        ["give", "gives", "gave", "given", "giving"],
        ["get", "gets", "got", "gotten", "getting"],
        ["know", "knows", "knew", "known", "knowing"],
        ["begin", "begins", "began", "begun", "beginning"],
        ["lose", "loses", "lost", "losing"],
        ["bring", "brings", "brought", "bringing"],
        ["think", "thinks", "thought", "thinking"],
        ["send", "sends", "sent", "sending"],
        ["spend", "spends", "spent", "spending"],
        ["keep", "keeps", "kept", "keeping"],
        ["leave", "leaves", "left", "leaving"],
        ["hold", "holds", "held", "holding"],
        ["fall", "falls", "fell", "fallen", "falling"],
        ["write", "writes", "wrote", "written", "writing"],
        ["drive", "drives", "drove", "driven", "driving"],
        ["rise", "rises", "rose", "risen", "rising"],
        ["lead", "leads", "led", "leading"],
        ["feel", "feels", "felt", "feeling"],
        ["mean", "means", "meant", "meaning"],
        ["tell", "tells", "told", "telling"],
        ["say", "says", "said", "saying"],
        ["pay", "pays", "paid", "paying"],
        ["put", "puts", "putting"],
        ["set", "sets", "setting"],
        ["shut", "shuts", "shutting"],
        ["hit", "hits", "hitting"],
        ["cut", "cuts", "cutting"],
        ["let", "lets", "letting"],
        ["seek", "seeks", "sought", "seeking"],
        ["undergo", "undergoes", "underwent", "undergone", "undergoing"],
        ["overcome", "overcomes", "overcame", "overcoming"],
        ["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"],
        ["understand", "understands", "understood", "understanding"],
        ["build", "builds", "built", "building"],
        ["rebuild", "rebuilds", "rebuilt", "rebuilding"],
        ["hang", "hangs", "hung", "hanging"],
        ["stick", "sticks", "stuck", "sticking"],
        ["wake", "wakes", "woke", "woken", "waking"],
        ["shake", "shakes", "shook", "shaken", "shaking"],
        ["freeze", "freezes", "froze", "frozen", "freezing"],
        ["mislead", "misleads", "misled", "misleading"],
        ["overwrite", "overwrites", "overwrote", "overwritten", "overwriting"],
        ["forget", "forgets", "forgot", "forgotten", "forgetting"],
        ["catch", "catches", "caught", "catching"],
        ["teach", "teaches", "taught", "teaching"],
        ["deal", "deals", "dealt", "dealing"],
        ["sell", "sells", "sold", "selling"],
        ["buy", "buys", "bought", "buying"],
        ["fly", "flies", "flew", "flown", "flying"],
        ["grow", "grows", "grew", "grown", "growing"],
        ["show", "shows", "showed", "shown", "showing"],
        ["spin", "spins", "spun", "spinning"],
    ]
}
