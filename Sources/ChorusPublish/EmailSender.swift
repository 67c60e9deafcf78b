import ChorusCore
import ChorusSupport
import Foundation

/// Hands an e-mail to a sendmail-compatible command, or writes it as a `.eml` file.
public protocol MailTransport: Sendable {
    /// Delivers `message`. Errors are sentences (no secrets are involved in mail).
    func deliver(_ message: EmailMessage, via transport: Destination.Email.Transport, fileName: String) throws(MailError)
}

/// Why a message was not handed over.
public struct MailError: Error, Sendable, Equatable {
    public var message: String
    /// sendmail's "try again later" (exit 75, EX_TEMPFAIL).
    public var temporary: Bool
    public init(_ message: String, temporary: Bool = false) { self.message = message; self.temporary = temporary }
}

/// Runs the configured command (no shell) with the message on standard input, or writes the
/// message into the outbox folder (relative to the workspace), replacing a file of the same
/// name: one file per approval and destination, so a retry writes the same file.
public struct SystemMailTransport: MailTransport {
    public var workspaceRoot: URL

    public init(workspaceRoot: URL) { self.workspaceRoot = workspaceRoot }

    public func deliver(_ message: EmailMessage, via transport: Destination.Email.Transport, fileName: String) throws(MailError) {
        switch transport {
        case .outbox(let folder):
            let url = (folder.hasPrefix("/") ? URL(fileURLWithPath: folder) : workspaceRoot.appendingPathComponent(folder))
                .appendingPathComponent(fileName)
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(message.bytes).write(to: url, options: .atomic)
            } catch {
                throw MailError("cannot write \(url.path): check that the outbox folder can be written")
            }
        case .sendmail(let command):
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            let input = Pipe(), errors = Pipe()
            process.standardInput = input
            process.standardOutput = FileHandle.nullDevice
            process.standardError = errors
            // A command that exits without reading its input must not end chorus with SIGPIPE:
            // the write then fails with EPIPE instead, and the exit status says what happened.
            signal(SIGPIPE, SIG_IGN)
            do { try process.run() } catch {
                throw MailError("cannot run \(command[0]): check that it exists and may be executed")
            }
            try? input.fileHandleForWriting.write(contentsOf: Data(message.bytes))
            try? input.fileHandleForWriting.close()
            let said = errors.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus != 0 else { return }
            var text = TerminalText.escaped(String(decoding: said.prefix(400), as: UTF8.self)).trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { text = "no message" }
            throw MailError("\(command[0]) exited with status \(process.terminationStatus): \(text)", temporary: process.terminationStatus == 75)
        }
    }
}

/// E-mail: one message per publication, the later ones in reply to the first (so mail clients
/// thread an incident's updates), with the same Message-ID on every retry of one approval.
enum EmailSender {
    static func message(_ attempt: SendAttempt, _ mail: Destination.Email, date: Date) -> EmailMessage {
        let publication = attempt.publication
        let domain = mail.from.split(separator: "@").last.map { String($0.filter { $0 != ">" }) } ?? "chorus.invalid"
        let prefix = mail.subjectPrefix.isEmpty ? "" : mail.subjectPrefix + " "
        let html = """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>\(HTMLEscape.text(publication.title))</title></head>
            <body>
            \(DraftWriter.html(publication.document))
            </body></html>
            """
        return EmailMessage(
            from: mail.from, to: mail.to, cc: mail.cc, replyTo: mail.replyTo,
            subject: "\(prefix)\(publication.title) (\(publication.statusLabel))",
            date: date, messageID: "chorus.\(attempt.delivery.key)@\(domain)",
            inReplyTo: attempt.delivery.remoteId, text: publication.text, html: html,
            extraHeaders: [("X-Chorus-Incident", publication.incidentID), ("X-Chorus-Audience", publication.audience),
                           ("X-Chorus-Revision", "\(publication.approval.revision ?? 0)")])
    }

    static func send(_ attempt: inout SendAttempt, _ mail: Destination.Email, mailer: any MailTransport, date: Date) {
        let message = message(attempt, mail, date: date)
        let fileName = "\(attempt.publication.incidentID)-\(attempt.publication.audience)-\(attempt.destination.name)-\(attempt.publication.approval.seq).eml"
            .map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_" ? $0 : "_" }
        let via: String
        switch mail.transport {
        case .sendmail(let command): via = "SENDMAIL " + command.joined(separator: " ")
        case .outbox(let folder): via = "WRITE " + folder + "/" + String(fileName)
        }
        attempt.sent.append(OutgoingRequest(method: "MAIL", url: via, body: message.bytes))
        let start = attempt.exchange.sleeper.now()
        var round = 0
        while true {
            round += 1
            attempt.exchange.requests += 1
            do {
                try mailer.deliver(message, via: mail.transport, fileName: String(fileName))
                attempt.delivery.remoteId = attempt.delivery.remoteId ?? message.messageID
                attempt.delivery.messages = [message.messageID]
                attempt.succeed()
                return
            } catch {
                attempt.fail(error.message)
                guard error.temporary, attempt.exchange.pause(round: round, since: start) else { return }
            }
        }
    }
}

/// Escapes text for HTML element content.
enum HTMLEscape {
    static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
