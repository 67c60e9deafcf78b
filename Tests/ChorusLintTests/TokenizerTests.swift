@testable import ChorusLint
import Testing

@Suite("Tokenizer")
struct TokenizerTests {
    @Test func wordsNumbersTimesAndJoinedWords() throws {
        #expect(try tokenTexts("We'll roll-back payments-api at 14:00 UTC, ~3pm or 3 pm (9:30 a.m.), 99.9% of 1,200 users on 2024-05-01.")
            == ["We'll", "roll-back", "payments-api", "at", "14:00", "UTC", "3pm", "or", "3 pm", "9:30 a.m", "99.9%", "of",
                "1,200", "users", "on", "2024-05-01"])
    }

    @Test func unicodeWordsAndCurlyApostrophes() throws {
        #expect(try tokenTexts("Les clients à Zürich n’ont pas d’accès; 東京 users, naïve café-api.")
            == ["Les", "clients", "à", "Zürich", "n’ont", "pas", "d’accès", "東京", "users", "naïve", "café-api"])
    }

    @Test func classesAreReadFromShapeAndVocabulary() throws {
        let phrasebook = try Shipped.phrasebook
        let document = Document("By 14:00 UTC on Friday 3rd May, Dave's team saw 20 minutes", phrasebook: phrasebook)
        func classes(_ k: Int) -> TokenClass { TokenClass(rawValue: document.tokens[k].classes) }
        #expect(classes(1).contains(.time))
        #expect(classes(2).contains(.zone))
        #expect(classes(4).contains(.weekday))
        #expect(classes(5).contains(.ordinal))
        #expect(classes(6).contains(.month))
        #expect(classes(7).contains(.possessive) && classes(7).contains(.name))
        #expect(classes(10).contains(.number))
        #expect(classes(11).contains(.unit))
        #expect(!classes(0).contains(.name), "'By' is a function word, not a name")
    }

    @Test func punctuationBreaksPhrasesButCommasAndColonsOnlySoften() throws {
        let document = Document("one, two: three. four", phrasebook: try Shipped.phrasebook)
        #expect(document.tokens.map(\.flags) == [0, Token.softBreakBefore, Token.softBreakBefore, Token.breakBefore])
    }

    @Test func stemmerMeetsInflections() {
        func stem(_ word: String) -> String {
            var bytes = Array(word.utf8)
            let n = bytes.withUnsafeMutableBufferPointer { TokenNormalizer.stem($0.baseAddress!, count: $0.count, wordLike: true) }
            return String(decoding: bytes[..<n], as: UTF8.self)
        }
        for group in [["roll", "rolled", "rolling", "rolls"], ["cache", "caches", "cached", "caching"],
                      ["guarantee", "guaranteed", "guarantees"], ["retry", "retries", "retried"],
                      ["patch", "patches", "patched"], ["update", "updated", "updates", "updating"],
                      ["stop", "stopped", "stopping"], ["status", "statuses"]] {
            #expect(Set(group.map(stem)).count == 1, "\(group) → \(group.map(stem))")
        }
        #expect(stem("this") == "this" && stem("was") == "was" && stem("being") == "being")
    }
}
