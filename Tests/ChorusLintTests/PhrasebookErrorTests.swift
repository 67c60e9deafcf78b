@testable import ChorusLint
import Foundation
import Testing

/// Every loading error names file, line and column and says what was expected.
@Suite("Phrasebook errors")
struct PhrasebookErrorTests {
    @Test func headerErrors() {
        #expect(problems("[substitutoin jargon]\nmessage: m\na => b\n")
            == ["1:2: unknown section kind 'substitutoin'; did you mean 'substitution'?"])
        #expect(problems("[existence jargn]\nmessage: m\nfoo\n")
            == ["1:12: unknown category 'jargn'; did you mean 'jargon'?"])
        #expect(problems("[existence length]\nmessage: m\nfoo\n")
            == ["1:12: the engine computes 'length' itself; a phrasebook section takes one of speculation, eta, promise, jargon, blame, minimizing, internal-name"])
        #expect(problems("[existence]\nmessage: m\nfoo\n") == ["1:1: expected a category after 'existence', as in '[existence jargon]'"])
        #expect(problems("[stock eta]\nHello.\n") == ["1:8: [stock] takes no category, found 'eta'"])
        #expect(problems("[existence eta]\nsoon\n") == ["1:1: the section needs a 'message:' line right under its header"])
        #expect(problems("[existence eta]\nmessage: m\n") == ["1:1: the section has no entries"])
        #expect(problems("soon\n") == ["1:1: expected a section header such as '[substitution jargon]' before the first entry"])
        #expect(problems("[existence eta]\nmesage: m\nsoon\n") == ["2:1: unknown option 'mesage:'; did you mean 'message:'?", "1:1: the section needs a 'message:' line right under its header"].sorted())
        #expect(problems("[existence eta]\nmessage: {match} by {when}\nsoon\n")
            == ["2:21: unknown message variable '{when}'; a message may use {match} and {suggestion}"])
    }

    /// A phrasebook saved by a Windows editor ("\r\n" line ends) reads line by line, as written.
    @Test func windowsLineEndsAreLineEnds() throws {
        let text = "[existence speculation]\r\nmessage: \"{match}\" is a guess\r\nprobably\r\n\r\n[existence jargon]\r\nmesage: m\r\nfoo\r\n"
        #expect(problems(text) == ["6:1: unknown option 'mesage:'; did you mean 'message:'?", "5:1: the section needs a 'message:' line right under its header"].sorted())
        let fine = try compile(text.replacingOccurrences(of: "\r\n[existence jargon]\r\nmesage: m\r\nfoo\r\n", with: "")).get()
        let findings = Linter(phrasebook: fine).lint("It is probably the disk.", policy: phrasePolicy)
        #expect(findings.map(\.match) == ["probably"])
    }

    @Test func entryErrors() {
        let head = "[substitution jargon]\nmessage: m\n"
        #expect(problems(head + "rollback undo\n") == ["3:14: expected '=>' and a plain substitute after the term, as in 'rollback => undo the recent change'"])
        #expect(problems(head + "rollback =>\n") == ["3:12: expected a substitute after '=>' (alternatives are separated by '|')"])
        #expect(problems(head + "  => undo\n") == ["1:1: the section has no entries", "3:3: empty entry: expected a phrase before '=>'"])
        #expect(problems(head + "roll (back => undo\n") == ["3:6: unclosed '(' opened here"])
        #expect(problems(head + "roll back] => undo\n") == ["3:10: ']' without a matching opening bracket"])
        #expect(problems(head + "roll | back => undo\n") == ["3:6: '|' separates alternatives only inside ( )"])
        #expect(problems(head + "in {number} => x\n") == ["3:4: placeholders such as {number} belong in a [pattern …] section, not [substitution …]"])
        #expect(problems(head + "fix; now => x\n") == ["3:4: ';' ends a sentence or clause, and phrases are matched inside one clause: this can never match"])
        #expect(problems(head + "... => x\n") == ["3:1: empty phrase: there is no word to match"])
        #expect(problems(head + "rollback => a\nrollbacks => b\n")
            == ["4:1: duplicate: 'rollbacks' matches what 'rollback' at test.txt:3:1 already matches"])
        #expect(problems("[stock]\nfoo => bar\n") == ["2:5: '=>' gives a suggestion, which [stock] entries do not take"])
    }

    @Test func patternErrors() {
        let head = "[pattern eta]\nmessage: m\n"
        #expect(problems(head + "in {numbr} minutes\n") == ["3:4: unknown placeholder '{numbr}'; did you mean '{number}'?"])
        #expect(problems(head + "{number} {unit}\n") == ["3:1: a phrase of placeholders only would match almost anything; add at least one word"])
        #expect(problems(head + "in \"was\n") == ["3:4: unclosed '\"': an exact form is written \"word\""])
        #expect(problems("[define a]\nx {b}\n[define b]\ny {a}\n" + head + "z {a}\n")
            == ["1:1: '{a}' refers to itself: {a} → {b} → {a}"])
        #expect(problems("[define number]\nx\n") == ["1:9: 'number' is a built-in placeholder; choose another name"])
    }

    @Test func entriesAnExceptionAlwaysCoversCanNeverMatch() {
        let text = """
            [existence eta]
            message: m
            soon
            update soon
            [exception eta]
            update soon
            """
        #expect(problems(text) == ["4:1: can never match: the exception 'update soon' at test.txt:6:1 covers every form of 'update soon'"])
        // Covered in only some forms: fine.
        #expect(problems("[pattern eta]\nmessage: m\n(update|fix) soon\n[exception eta]\nupdate soon\n") == [])
        // A cadence covers ETAs.
        #expect(problems("[existence eta]\nmessage: m\nupdate soon\n[cadence]\nupdate soon\n")
            == ["3:1: can never match: the cadence 'update soon' at test.txt:5:1 covers every form of 'update soon'"])
        // An exception with a condition covers only some places: fine.
        #expect(problems("[existence eta]\nmessage: m\nsoon\n[exception eta]\nunless: past\nsoon\n") == [])
    }

    @Test func conditionErrors() {
        let head = "[pattern speculation]\nmessage: m\n"
        #expect(problems(head + "unless: pats\nprobably\n")
            == ["3:9: unknown condition 'pats'; expected one of 'negated', 'past', 'future', 'in name', 'preceded by', 'followed by', 'is', 'subject has', 'clause has', 'before has', 'after has', 'sentence has', or several joined by ' and '; did you mean 'past'?"])
        #expect(problems(head + "unless: negated\nprobably\n") == ["3:9: 'negated' needs negation cues: add a [negation speculation] section"])
        #expect(problems(head + "when: clause has {nope}\nprobably\n").first?.hasPrefix("3:18: unknown placeholder '{nope}'") == true)
        #expect(problems(head + "when: past and clause has (a|\nprobably\n").first?.hasPrefix("3:") == true)
        #expect(problems("[define x]\nwhen: past\nfoo\n" + head + "{x}\n")
            == ["2:1: [define] sections take no conditions; 'when:' belongs to sections that report or cancel matches"])
        // Conditions sit right under the header, with the message.
        #expect(problems(head + "probably\nunless: past\n") == ["4:1: 'unless:' must come right under the section header, before the first entry"])
    }

    @Test func gapAndNotErrors() {
        let head = "[pattern promise]\nmessage: m\n"
        #expect(problems(head + "ensure {up to 20 words} again\n") == ["3:8: a gap takes a number of words from 1 to 12, found '20'"])
        #expect(problems(head + "ensure {up to six words} again\n") == ["3:8: a gap takes a number of words from 1 to 12, found 'six'"])
        #expect(problems(head + "{up to 3 words} again\n") == ["3:1: a phrase cannot start with a gap; start it with a word"])
        #expect(problems(head + "ensure [{up to 3 words}]\n") == ["3:1: a phrase cannot end with a gap; end it with a word"])
        #expect(problems(head + "seemed to !(be now)\n") == ["3:11: '!' takes single words or a class: '!be', '!(be|have)' or '!({function-word})'"])
        #expect(problems(head + "seemed to ! now\n") == ["3:11: '!' must be followed by a word or (a|b): '!be' matches any one word but 'be'"])
    }

    @Test func folderErrorsNameTheFolderOrFile() throws {
        let missing = URL(fileURLWithPath: "/no/such/phrasebook")
        #expect(throws: PhrasebookError(problems: [.init(file: missing.path, line: 0, column: 0, message: "no phrasebook folder here")])) {
            try Phrasebook.load(from: missing)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-phrasebook-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PhrasebookError(problems: [.init(file: folder.path, line: 0, column: 0, message: "no phrasebook files (*.txt) in the folder")])) {
            try Phrasebook.load(from: folder)
        }
        try Data([0x5B, 0xFF, 0x5D]).write(to: folder.appendingPathComponent("bad.txt"))
        try "[substitution jargon]\nmessage: m\nfoo\n".write(to: folder.appendingPathComponent("jargon.txt"), atomically: true, encoding: .utf8)
        do {
            _ = try Phrasebook.load(from: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "\(folder.path)/bad.txt: error: is not valid UTF-8 text")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("bad.txt"))
        do {
            _ = try Phrasebook.load(from: folder)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("\(folder.path)/jargon.txt:3:4: error: expected '=>'"))
        }
    }
}
