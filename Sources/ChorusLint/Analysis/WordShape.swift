/// What a word token is, read off its characters: its key (the form patterns compare with) and
/// its built-in classes (number, time, date, duration, acronym, name…).
struct WordShape {
    let key: String
    let classes: TokenClass

    init(_ text: String) {
        var lowered = ""
        var letters = 0, digits = 0, uppercase = 0, lowercase = 0
        var firstUpper = false
        var first = true
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: no Unicode property lookups.
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for b in text.utf8 {
                if b >= 65, b <= 90 {
                    letters += 1; uppercase += 1
                    if first { firstUpper = true }
                    bytes.append(b | 0x20)
                } else {
                    if b >= 97, b <= 122 { letters += 1; lowercase += 1 } else if b >= 48, b <= 57 { digits += 1 }
                    bytes.append(b)
                }
                first = false
            }
            lowered = String(decoding: bytes, as: UTF8.self)
        } else {
            for scalar in text.unicodeScalars {
                let p = scalar.properties
                if p.isAlphabetic {
                    letters += 1
                    if p.isUppercase { uppercase += 1; if first { firstUpper = true } }
                    if p.isLowercase { lowercase += 1 }
                } else if p.numericType != nil {
                    digits += 1
                }
                first = false
                if scalar == "\u{2019}" { lowered.append("'") } else { lowered.unicodeScalars.append(contentsOf: p.lowercaseMapping.unicodeScalars) }
            }
        }
        var classes: TokenClass = []
        var key = lowered
        // Byte tests on purpose: String's `contains`, `hasSuffix` and `count` compare grapheme
        // clusters, which costs more than the rest of the shape.
        let hyphen = UInt8(ascii: "-"), apostrophe = UInt8(ascii: "'")
        if letters > 0, digits == 0, key.utf8.contains(hyphen) { key = String(decoding: key.utf8.filter { $0 != hyphen }, as: UTF8.self) }
        let keyBytes = key.utf8
        if keyBytes.count > 3, keyBytes.last == UInt8(ascii: "s"), keyBytes.dropLast().last == apostrophe,
           key.unicodeScalars.count > 3, !BuiltinWords.contractionsEndingInS.contains(key) {
            key = String(decoding: keyBytes.dropLast(2), as: UTF8.self)
            classes.insert(.possessive)
        }
        if letters > 0 { classes.insert(.word) }
        if firstUpper { classes.insert(.capitalized) }
        if firstUpper, lowercase > 0 { classes.insert(.titleCase) }
        // DNS, EC2, HTTP/503, APIs; not shouting ("HOWEVER"): five letters at most unless digits join them.
        let pluralAcronym = lowercase == 1 && text.utf8.last == UInt8(ascii: "s") && uppercase >= 2
        if letters > 0, lowercase == 0 || pluralAcronym, text.utf8.count >= 2, text.unicodeScalars.count >= 2, letters <= 5 || digits > 0,
           text.unicodeScalars.first?.properties.isAlphabetic == true {
            classes.insert(.acronym)
        }
        classes.formUnion(WordShape.timeClasses(key, letters: letters, digits: digits))
        if text.utf8.first == UInt8(ascii: "/") { classes.insert(.path) }
        if letters > 0, digits > 0, classes.isDisjoint(with: [.time, .date, .duration, .ordinal, .number, .path]),
           !WordShape.isVersion(key), !(key.utf8.contains(UInt8(ascii: "/")) && key.utf8.contains(UInt8(ascii: "."))) {
            classes.insert(.alphanumeric)
        }
        if classes.contains(.capitalized), !classes.contains(.acronym), !BuiltinWords.notNameSet.contains(key) {
            classes.insert(.name)
        }
        self.key = key
        self.classes = classes
    }

    /// `v2`, `v1.19`, `1.2.11`: a version, not a name.
    static func isVersion(_ key: String) -> Bool {
        let digits = key.hasPrefix("v") ? key.dropFirst() : Substring(key)
        return !digits.isEmpty && digits.allSatisfy { $0.isNumber || $0 == "." }
    }

    /// `twohour` → (`two`, `hour`): a number word glued to a unit.
    private static func compound(_ key: String) -> (String, String)? {
        let bytes = Array(key.utf8)
        guard let first = bytes.first else { return nil }
        for number in numberBytes where bytes.count > number.count && number.first == first && bytes.starts(with: number) {
            return (String(decoding: number, as: UTF8.self), String(decoding: bytes[number.count...], as: UTF8.self))
        }
        return nil
    }

    /// `BuiltinWords.numbers` as bytes, in their order.
    private static let numberBytes = BuiltinWords.numbers.map { Array($0.utf8) }

    /// Number, time, date, ordinal, duration, unit, zone, weekday and month, from the key.
    private static func timeClasses(_ key: String, letters: Int, digits: Int) -> TokenClass {
        var classes: TokenClass = []
        if letters > 0, digits == 0 {
            // two-hour, thirty-minute (the key has lost its hyphen; the parts are in `lowered`)
            if let (number, unit) = WordShape.compound(key), BuiltinWords.numberSet.contains(number), BuiltinWords.unitSet.contains(unit) {
                classes.insert(.duration)
            }
            classes.formUnion(BuiltinWords.wordClasses[key] ?? [])
            return classes
        }
        guard digits > 0 else { return classes }
        let chars = Array(key.utf8)
        var scan = ShapeScanner(chars)
        // Numbers: 15, 2.5, 1,000, 99.9%, 1-2
        if scan.number(), scan.atEnd || (scan.skip("%") && scan.atEnd) { return [.number] }
        scan = ShapeScanner(chars)
        if scan.number(), scan.skip("-"), scan.number(), scan.atEnd { return [.number] }
        // Dates: 2024-05-01, 2024/05/01, 5/1/2024
        scan = ShapeScanner(chars)
        if scan.digits(4...4), scan.skip("-") || scan.skip("/"), scan.digits(1...2), scan.skip("-") || scan.skip("/"),
           scan.digits(1...2), scan.atEnd { return [.date] }
        scan = ShapeScanner(chars)
        if scan.digits(1...2), scan.skip("/"), scan.digits(1...2), scan.skip("/"), scan.digits(2...4), scan.atEnd { return [.date] }
        // Ordinals: 3rd, 22nd
        scan = ShapeScanner(chars)
        if scan.digits(1...4), scan.word(["st", "nd", "rd", "th"]), scan.atEnd { return [.ordinal] }
        // Clock times: 14:00, 9:30:00, 3pm, 3:30pm, 5.44pm, 12:01a, 16h30, 12:30utc, 22utc, and
        // ranges of them: 3-5am, 10am-2pm.
        scan = ShapeScanner(chars)
        if scan.clockTime(), scan.atEnd { return [.time] }
        scan = ShapeScanner(chars)
        if scan.digits(1...2), scan.skip("-"), scan.clockTime(), scan.atEnd { return [.time] }
        scan = ShapeScanner(chars)
        if scan.clockTime(), scan.skip("-"), scan.clockTime(), scan.atEnd { return [.time] }
        // A date with its time: 2021-06-02T17:53:00Z, 2021-06-02T17:53:00-00:00
        scan = ShapeScanner(chars)
        if scan.digits(4...4), scan.skip("-"), scan.digits(1...2), scan.skip("-"), scan.digits(1...2), scan.skip("t"),
           scan.digits(1...2), scan.skip(":"), scan.digits(2...2) {
            if scan.skip(":") { _ = scan.number() }
            if scan.atEnd || scan.skip("z") && scan.atEnd { return [.date, .time] }
            if scan.skip("+") || scan.skip("-"), scan.digits(2...2), !scan.skip(":") || scan.digits(2...2), scan.atEnd {
                return [.date, .time]
            }
        }
        // Durations: 20min, 15m, 2h, 10-20min, 1.5hrs, 45minutes
        scan = ShapeScanner(chars)
        if scan.number() {
            if scan.skip("-") { _ = scan.number() }
            if scan.word(BuiltinWords.glueUnits), scan.atEnd { return [.duration] }
        }
        // Amounts a reader knows: sizes (2TB, 1.5gb, 500MB) and factors (10x); a rate (20Gbps,
        // 25gb/s) stays a technical figure.
        scan = ShapeScanner(chars)
        if scan.number(), scan.word(["b", "kb", "mb", "gb", "tb", "pb", "kib", "mib", "gib", "tib", "x"]), scan.atEnd {
            return [.number]
        }
        return classes
    }
}

/// A cursor over ASCII bytes for the shape tests above.
private struct ShapeScanner {
    let chars: [UInt8]
    var i = 0

    init(_ chars: [UInt8]) { self.chars = chars }

    var atEnd: Bool { i == chars.count }

    mutating func skip(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue, i < chars.count, chars[i] == ascii else { return false }
        i += 1
        return true
    }

    mutating func digits(_ count: ClosedRange<Int>) -> Bool {
        var n = 0
        while i < chars.count, UTF8Text.isDigit(chars[i]), n < count.upperBound { i += 1; n += 1 }
        return count.contains(n) && (i == chars.count || !UTF8Text.isDigit(chars[i]))
    }

    /// A time of day: `14:00`, `9:30:00`, `16h30`, `3pm`, `3:30pm`, `5.44pm`, `12:01a`, `12:30utc`,
    /// `22utc`, `9z`. A dot separates hours and minutes only before `am`/`pm`, and a lone `a`/`p`
    /// follows only minutes (`2.5` is a number, `5a` a name).
    mutating func clockTime() -> Bool {
        guard digits(1...2) else { return false }
        var minutes = false
        let mark = i
        if skip(":") {
            guard digits(2...2) else { return false }
            minutes = true
            if skip(":") { guard digits(2...2) else { return false } }
        } else if skip("h") {
            guard digits(2...2) else { return false }
            return true
        } else if skip("."), digits(2...2), word(["am", "pm", "a.m", "p.m"]) {
            return true
        } else {
            i = mark
        }
        if word(["am", "pm", "a.m", "p.m"]) || word(Array(BuiltinWords.zoneSet)) || word(["z"]) { return true }
        if minutes, word(["a", "p"]) { return true }
        return minutes
    }

    /// `15`, `2.5`, `1,000`.
    mutating func number() -> Bool {
        let start = i
        while i < chars.count, UTF8Text.isDigit(chars[i]) { i += 1 }
        guard i > start else { return false }
        while i + 1 < chars.count, chars[i] == UInt8(ascii: ".") || chars[i] == UInt8(ascii: ","), UTF8Text.isDigit(chars[i + 1]) {
            i += 1
            while i < chars.count, UTF8Text.isDigit(chars[i]) { i += 1 }
        }
        return true
    }

    /// One of `words` (longest first) at the cursor.
    mutating func word(_ words: [String]) -> Bool {
        var best = 0
        for word in words {
            let w = Array(word.utf8)
            if w.count > best, i + w.count <= chars.count, Array(chars[i..<(i + w.count)]) == w { best = w.count }
        }
        i += best
        return best > 0
    }
}
