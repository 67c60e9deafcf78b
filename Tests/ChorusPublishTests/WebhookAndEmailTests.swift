import ChorusCore
import ChorusPublish
import ChorusSupport
import Foundation
import Testing

@Suite("Publishing to webhooks and e-mail")
struct WebhookAndEmailTests {
    @Test func aWebhookGetsTheEnvelopeSignedWithHMACOfTheExactBody() throws {
        let fixture = try PublishFixture()
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "sales")
        let report = fixture.publisher().send(publication, to: fixture.webhook(), previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let post = try #require(fixture.doubles.requests.last)
        #expect(post.method == "POST" && post.target == "/receiver/chorus")
        #expect(post.header("content-type") == "application/json")
        #expect(post.header("x-team") == "sales")
        #expect(post.header("x-chorus-delivery") == report.delivery.key)
        // The receiver checks the signature the way GitHub's receivers do.
        let signature = try #require(post.header("x-chorus-signature-256"))
        #expect(signature.hasPrefix("sha256="))
        #expect(HMACSHA256.verify(String(signature.dropFirst(7)), message: post.body, key: Array("It's a Secret to Everybody".utf8)))
        #expect(!HMACSHA256.verify(String(signature.dropFirst(7)), message: post.body + [0x0A], key: Array("It's a Secret to Everybody".utf8)))
        let envelope = try JSONParser.parse(post.text)
        #expect(envelope["incident"]?.stringValue == "INC-2041" && envelope["audience"]?.stringValue == "sales")
        #expect(envelope["sha256"]?.stringValue == publication.approval.sha256)
        #expect(envelope["approvedText"]?.stringValue == publication.approval.text)
        // The secret appears nowhere a person sees.
        #expect(!(report.requests.first?.masked.contains("Secret to Everybody") ?? true))
    }

    @Test func aRetryKeepsTheDeliveryID() throws {
        let fixture = try PublishFixture()
        fixture.doubles.script("/receiver/chorus", HTTPResponse(status: 500))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "sales")
        let report = fixture.publisher().send(publication, to: fixture.webhook(signed: false), previous: nil)
        #expect(report.delivery.outcome == .sent)
        let ids = fixture.doubles.requests.map { $0.header("x-chorus-delivery") }
        #expect(ids.count == 2 && ids[0] == ids[1])
        #expect(fixture.doubles.requests.last?.header("x-chorus-signature-256") == nil)
        #expect(fixture.sleeper.slept == [1])
    }

    @Test func anEmailIsAProperMultipartMessageWrittenToTheOutbox() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixture = try PublishFixture()
        let destination = Destination(audience: "leadership", name: "email", service: .email(.init(
            from: "Incidents Bot <incidents@acme.example>", to: ["exec@acme.example", "Zoë Müller <zoe@acme.example>"], cc: [],
            replyTo: nil, subjectPrefix: "[Incident]", transport: .outbox(folder.path))))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "leadership") { $0.title = "Zahlungen schlagen fehl — Kasse" }
        let report = fixture.publisher().send(publication, to: destination, previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(files == ["INC-2041-leadership-email-3.eml"])
        let message = try String(contentsOf: folder.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(message.contains("\r\n") && !message.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        let head = message.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.contains("From: Incidents Bot <incidents@acme.example>"))
        #expect(head.contains("To: exec@acme.example, =?UTF-8?B?"), "a non-ASCII display name is encoded")
        #expect(head.contains("Subject: =?UTF-8?B?"))
        #expect(head.contains("MIME-Version: 1.0"))
        #expect(head.contains("Content-Type: multipart/alternative; boundary="))
        #expect(head.contains("Message-ID: <chorus.\(report.delivery.key)@acme.example>"))
        #expect(head.contains("Date: \(EmailMessage.date(fixture.sleeper.now()))"), "the date comes from the injected clock")
        #expect(head.unicodeScalars.allSatisfy { $0.isASCII }, "headers are ASCII")
        #expect(message.contains("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64"))
        #expect(message.contains("Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64"))
        #expect(message.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 998 })
        // The subject decodes to the title.
        let subjectWords = head.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }.prefix { $0.hasPrefix("Subject:") || $0.hasPrefix(" ") }
        let decoded = subjectWords.map { line in
            line.replacingOccurrences(of: "Subject: ", with: "").trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "=?UTF-8?B?", with: "").replacingOccurrences(of: "?=", with: "")
        }.compactMap { Data(base64Encoded: $0) }.reduce(Data(), +)
        #expect(String(decoding: decoded, as: UTF8.self) == "[Incident] Zahlungen schlagen fehl — Kasse (Investigating)")

        // A later publication replies to the first message, so mail clients thread them.
        let second = try PublishFixture.publication("checkout-identified.json", audience: "leadership", seq: 9)
        let next = fixture.publisher().send(second, to: destination, previous: PublishFixture.entry(report, publication, seq: 4))
        let reply = try String(contentsOf: folder.appendingPathComponent("INC-2041-leadership-email-9.eml"), encoding: .utf8)
        #expect(reply.contains("In-Reply-To: <chorus.\(report.delivery.key)@acme.example>"))
        #expect(next.delivery.remoteId == report.delivery.remoteId)
    }

    @Test func sendmailGetsTheMessageOnStandardInput() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-sendmail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("sendmail")
        let captured = folder.appendingPathComponent("captured.eml")
        try "#!/bin/sh\n[ \"$1\" = \"-t\" ] || exit 64\ncat > '\(captured.path)'\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let fixture = try PublishFixture()
        let destination = Destination(audience: "leadership", name: "email", service: .email(.init(
            from: "incidents@acme.example", to: ["exec@acme.example"], cc: ["cto@acme.example"], replyTo: "Dana <dana@acme.example>",
            subjectPrefix: "", transport: .sendmail([script.path, "-t", "-i"]))))
        let publication = try PublishFixture.publication("checkout-investigating.json", audience: "leadership")
        let report = fixture.publisher().send(publication, to: destination, previous: nil)
        #expect(report.delivery.outcome == .sent, "\(report.delivery.error ?? "")")
        let message = try String(contentsOf: captured, encoding: .utf8)
        #expect(message.hasPrefix("From: incidents@acme.example\r\nTo: exec@acme.example\r\nCc: cto@acme.example\r\nReply-To: Dana <dana@acme.example>\r\nSubject: Card payments failing at checkout (Investigating)\r\n"))

        // A failing sendmail is a failure with its words.
        try "#!/bin/sh\necho 'relay refused' >&2\nexit 1\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let failed = fixture.publisher().send(publication, to: destination, previous: nil)
        #expect(failed.delivery.outcome == .failed && failed.delivery.error?.contains("relay refused") == true)
    }
}
