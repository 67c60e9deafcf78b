/// Small grammar helpers for messages: "1 fact", "2 facts", "an identified incident".
public enum Wording {
    /// "1 fact", "2 facts", "0 open hypotheses": the count and the noun, plural unless it is 1.
    /// `plural` defaults to the noun with "s" added.
    public static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? noun : plural ?? noun + "s")
    }

    /// The phrase with "a" or "an" before it, by the sound of its first letter:
    /// "an identified incident", "a resolved incident", "an in_progress maintenance".
    public static func article(_ phrase: String) -> String {
        guard let first = phrase.lowercased().first else { return phrase }
        // Words starting with a vowel letter that sounds like a consonant ("a user", "a one-off").
        let consonantSound = ["uni", "use", "usu", "one", "eu"].contains { phrase.lowercased().hasPrefix($0) }
        return ("aeiou".contains(first) && !consonantSound ? "an " : "a ") + phrase
    }
}
