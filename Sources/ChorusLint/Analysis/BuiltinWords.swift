/// Word lists that give vocabulary words their classes (`minutes` is a `{unit}`, `UTC` a `{zone}`)
/// and tell personal names from capitalized function words. These are language facts rather
/// than policy, so they live in code; the phrasebook decides what is reported.
enum BuiltinWords {
    static let numbers = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty", "thirty", "forty", "fortyfive", "fifty", "sixty", "ninety", "hundred",
    ]
    static let ordinals = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]
    static let units = [
        "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs",
        "day", "days", "week", "weeks", "month", "months",
    ]
    static let zones = [
        "utc", "gmt", "pst", "pdt", "pt", "mst", "mdt", "mt", "cst", "cdt", "ct", "est", "edt", "et",
        "bst", "cet", "cest", "eet", "eest", "ist", "jst", "kst", "sgt", "hkt", "aest", "aedt",
        "acst", "awst", "nzst", "nzdt", "brt",
    ]
    static let weekdays = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]
    static let times = ["noon", "midnight", "midday"]

    /// Units written glued to a number: `20min`, `15m`, `2h`, `20mn`, `45minutes`.
    static let glueUnits = [
        "s", "sec", "secs", "second", "seconds", "m", "mn", "min", "mins", "minute", "minutes", "h", "hr", "hrs",
        "hour", "hours", "d", "day", "days", "w", "wk", "wks", "week", "weeks",
    ]

    /// The built-in classes of a key that is one of the words above (one lookup per new word).
    static let wordClasses: [String: TokenClass] = {
        var classes: [String: TokenClass] = [:]
        func add(_ words: [String], _ tokenClass: TokenClass) { for word in words { classes[word, default: []].insert(tokenClass) } }
        add(numbers, .number)
        add(ordinals, .ordinal)
        add(Array(unitSet), .unit)
        add(zones, .zone)
        add(weekdays, .weekday)
        add(months, .month)
        add(times, .time)
        add(Array(Clauses.clauseOpeners), .clauseOpener)
        add(Array(Clauses.subjectPronouns), .subjectPronoun)
        add(["and", "or", "nor", "so"], .coordinator)
        return classes
    }()

    static let numberSet = Set(numbers)
    static let unitSet = Set(units + ["mn", "h"])
    static let zoneSet = Set(zones)
    static let notNameSet = Set(notNames)

    /// Words that start sentences in capitals but are never a person: pronouns, determiners,
    /// conjunctions, prepositions, and the nouns incident prose opens with.
    static let notNames = [
        "a", "an", "the", "this", "that", "these", "those", "it", "its", "we", "our", "us", "you", "your",
        "they", "their", "them", "he", "she", "his", "her", "i", "my", "me", "some", "all", "any", "each",
        "every", "no", "none", "one", "both", "either", "neither", "there", "here", "then", "now", "today",
        "yesterday", "tomorrow", "tonight", "after", "before", "during", "when", "while", "since", "until",
        "if", "once", "as", "at", "on", "in", "by", "for", "from", "to", "of", "with", "without", "between",
        "and", "but", "or", "so", "yet", "also", "however", "meanwhile", "initially", "later", "finally",
        "customers", "customer", "users", "user", "engineers", "engineer", "someone", "somebody", "nobody",
        "everyone", "team", "service", "services", "system", "systems", "status", "impact", "update",
        "what", "who", "why", "how", "where", "which", "please", "thanks", "sorry", "hi", "hello", "dear",
        "note", "next", "our", "most", "many", "several", "few", "more", "less", "only", "just", "again",
        "investigating", "identified", "monitoring", "resolved", "update", "summary", "timeline", "cause",
        "not", "do", "does", "did", "is", "are", "was", "were", "has", "have", "had", "will", "would",
        "can", "could", "should", "may", "might", "must", "let", "let's", "it's", "we're", "we've", "we'll",
        "they're", "there's", "that's", "here's", "what's", "who's", "yes",
    ]

    /// Conjunctions that open a new clause: "we have not confirmed this, *but* it may be…".
    static let clauseBoundaries = [
        "and", "but", "however", "although", "though", "whereas", "while", "because", "so", "yet", "since",
    ]

    /// Contractions that end in `'s` but are not possessives.
    static let contractionsEndingInS = [
        "it's", "that's", "there's", "here's", "what's", "let's", "he's", "she's", "who's", "where's",
        "how's", "when's", "why's",
    ]
}
