@testable import ChorusLint
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    @Test func wordsNumbersTimesAndJoinedWords() {
        #expect(tokenTexts("We'll roll-back payments-api at 14:00 UTC, ~3pm or 3 pm, 99.9% of 1,200 users on 2024-05-01.")
            == ["We'll", "roll-back", "payments-api", "at", "14:00", "UTC", ",", "~", "3pm", "or", "3", "pm", ",", "99.9%", "of",
                "1,200", "users", "on", "2024-05-01", "."])
    }

    @Test func unicodeWordsAndCurlyApostrophes() {
        #expect(tokenTexts("Les clients à Zürich n’ont pas d’accès; 東京 users, naïve café-api.")
            == ["Les", "clients", "à", "Zürich", "n’ont", "pas", "d’accès", ";", "東京", "users", ",", "naïve", "café-api", "."])
    }

    @Test func invisibleCharactersNeitherSplitNorHideWords() throws {
        // A soft hyphen, word joiner or zero-width joiner inside a word is part of it, left out of its key.
        #expect(tokens("pro\u{00AD}bably data\u{2060}base sign\u{200D}in").map(\.key) == ["probably", "database", "signin"])
        #expect(tokenTexts("pro\u{00AD}bably") == ["pro\u{00AD}bably"])
        // A zero-width space separates words, as a space does; a stray format character is skipped.
        #expect(tokens("within\u{200B}the\u{200B}hour \u{2060}now").map(\.key) == ["within", "the", "hour", "now"])
        // So the rules read the words as a reader does.
        #expect(try found("It is pro\u{00AD}bably the network.") == ["speculation: pro\u{00AD}bably"])
        #expect(try found("It will be fixed within\u{200B}the\u{200B}hour.") == ["eta: within\u{200B}the\u{200B}hour"])
    }

    @Test func keysAreLowercaseWithoutHyphensOrPossessives() {
        #expect(tokens("Roll-Back on-call Vendor’s it's 10-20min").map(\.key) == ["rollback", "oncall", "vendor", "it's", "10-20min"])
    }

    @Test func classesAreReadFromShape() {
        let all = tokens("By 14:00 UTC on Friday 3rd May, Dave's team saw 20 minutes 20min 16h30 a two-hour DNS APIs s390x /bash")
        func classes(_ text: String) -> TokenClass {
            all.first { $0.key == text }?.classes ?? []
        }
        #expect(classes("14:00").contains(.time))
        #expect(classes("16h30").contains(.time))
        #expect(classes("utc").contains(.zone))
        #expect(classes("friday").contains(.weekday))
        #expect(classes("3rd").contains(.ordinal))
        #expect(classes("may").contains(.month))
        #expect(classes("dave").contains(.possessive) && classes("dave").contains(.name))
        #expect(classes("20").contains(.number))
        #expect(classes("minutes").contains(.unit))
        #expect(classes("20min").contains(.duration))
        #expect(classes("twohour").contains(.duration))
        #expect(classes("dns").contains(.acronym))
        #expect(classes("apis").contains(.acronym))
        #expect(classes("s390x").contains(.alphanumeric))
        #expect(classes("/bash").contains(.path))
        #expect(!classes("by").contains(.name), "'By' is a function word, not a name")
    }

    @Test func clockTimesInEveryCommonWritingAreTimes() {
        for text in ["14:00", "9:30:00", "3pm", "3:30PM", "5.44pm", "12:01a", "2:30p", "16h30", "12:30UTC", "3-5am", "10am-2pm",
                     "14:00-15:30"] {
            let classes = tokens(text).first?.classes ?? []
            #expect(classes.contains(.time), "\(text) is a time")
            #expect(!classes.contains(.alphanumeric), "\(text) is not an identifier")
        }
        for text in ["2.5", "5a", "2h", "10-20min"] {
            let classes = tokens(text).first?.classes ?? []
            #expect(!classes.contains(.time), "\(text) is not a time")
        }
        let stamp = tokens("2021-06-02T17:53:00-00:00").first?.classes ?? []
        #expect(stamp.contains(.date) && stamp.contains(.time) && !stamp.contains(.alphanumeric))
    }

    @Test func sizesAndFactorsAreAmountsButRatesAreNot() {
        for text in ["2TB", "1gb", "500MB", "10x", "2.5x"] {
            let classes = tokens(text).first?.classes ?? []
            #expect(classes.contains(.number) && !classes.contains(.alphanumeric), "\(text) is an amount")
        }
        let rate = tokens("20Gbps").first?.classes ?? []
        #expect(rate.contains(.alphanumeric), "a rate stays a technical figure")
    }

    @Test func shoutingIsNotAnAcronymAndVersionsAreNotIdentifiers() {
        #expect(!tokens("HOWEVER").contains { $0.classes.contains(.acronym) })
        #expect(!tokens("v1.19").contains { $0.classes.contains(.alphanumeric) })
        #expect(!tokens("2TB").contains { $0.classes.contains(.acronym) })
    }

    @Test func skippedRegionsBecomeOneOpaqueToken() {
        let bytes = Array("Run `kubectl get pods` now".utf8)
        let regions = TextRegions.scan(bytes)
        let all = Tokenizer.tokenize(bytes, skipping: regions.skipped)
        #expect(all.map(\.isOpaque) == [false, true, false])
        #expect(regions.codeSpans.map { String(decoding: bytes[$0], as: UTF8.self) } == ["kubectl get pods"])
    }

    @Test func spacingRecordsSpacesLinesAndParagraphs() {
        #expect(tokens("a b\nc\n\nd").map(\.spacing) == [.paragraph, .space, .line, .paragraph])
    }
}

@Suite("Clauses")
struct ClauseTests {
    @Test func sentencesEndAtStopsButNotAfterAbbreviations() {
        #expect(clauseTexts("It broke. We fixed it, e.g. by a restart at 9 a.m. UTC!") == [
            "It broke .", "We fixed it , e.g by a restart at 9 a.m . UTC !",
        ])
        // The dot of an abbreviation inside a sentence is no token, so phrases read across it;
        // before a capital it stays (it may end the sentence).
        #expect(clauseTexts("Back in approx. 30 minutes. Approx. Then") == ["Back in approx 30 minutes .", "Approx . Then"])
        // "as though" is one clause with what it introduces, as "as if" is.
        #expect(clauseTexts("It looks as though uploads fail, though downloads work.")
            == ["It looks as though uploads fail ,", "though downloads work ."])
    }

    @Test func aSoftWrapDoesNotEndASentenceButAListItemDoes() {
        #expect(clauseTexts("pagure.io will be down\nfor 10-20min\n- next item") == ["pagure.io will be down for 10-20min", "- next item"])
    }

    @Test func conjunctionsAndSemicolonsOpenClauses() {
        #expect(clauseTexts("We have not confirmed it, but it could be the network; next update soon") == [
            "We have not confirmed it ,", "but it could be the network ;", "next update soon",
        ])
        #expect(clauseTexts("We are monitoring, and will post an update.") == ["We are monitoring ,", "and will post an update ."])
        // "while" after an article is a noun: "in a little while".
        #expect(clauseTexts("It should be back in a little while.") == ["It should be back in a little while ."])
    }
}
