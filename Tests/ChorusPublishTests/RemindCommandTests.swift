import ChorusCLI
import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("chorus remind")
struct RemindCommandTests {
    /// The incident promises its next update by 09:40 UTC.
    @Test func dueAndOverdueRemindersGoOutOncePerDueTime() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        let early = w.run("remind")
        #expect(early.status == 0 && early.stdout.contains("No update is due within 10 minutes"))
        #expect(w.doubles.slackMessages.isEmpty)

        w.now = "2026-11-24T09:32:00Z"
        let due = w.run("remind")
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.contains("INC-2041: reminded engineering/slack: the next update is due (by 09:40 UTC, in 8 minutes)"))
        #expect(w.doubles.slackMessages.count == 1)
        let text = try #require(w.doubles.slackMessages.last?.body["text"]?.stringValue)
        #expect(text.contains("The next update is due by 09:40 UTC") && text.contains("INC-2041"))
        w.now = "2026-11-24T09:35:00Z"
        #expect(w.run("remind").stdout.contains("No update is due"), "once per due time")
        #expect(w.doubles.slackMessages.count == 1)

        w.now = "2026-11-24T09:41:00Z"
        let overdue = w.run("remind")
        #expect(overdue.stdout.contains("the next update is overdue"))
        #expect(w.doubles.slackMessages.last?.body["text"]?.stringValue?.contains("OVERDUE") == true)
        w.now = "2026-11-24T09:50:00Z"
        _ = w.run("remind")
        #expect(w.doubles.slackMessages.count == 2, "overdue once, too")

        // A new promise starts over.
        #expect(w.run("update", "INC-2041", "--next-update", "+15m").status == 0)
        w.now = "2026-11-24T10:00:00Z"
        #expect(w.run("remind").stdout.contains("is due"))
        #expect(w.doubles.slackMessages.count == 3)

        let reminders = try w.journal().filter { $0.kind == .reminder }
        #expect(reminders.map { $0.summary ?? "" } == ["due", "overdue", "due"])
        #expect(reminders.allSatisfy { $0.delivery?.outcome == .sent && $0.author == "Dana Kim" })
        let log = w.run("log", "INC-2041")
        #expect(log.stdout.contains("reminder: the next update is overdue (by 2026-11-24T09:40:00Z), sent to slack"))
        #expect(w.run("verify", "INC-2041").status == 0)
    }

    @Test func aReminderGoesIntoTheIncidentsThreadAndToTheChannel() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        #expect(w.run("publish", "INC-2041", "engineering", "--send").status == 0)
        let parent = try #require(w.doubles.slackMessages.first?.ts)
        w.now = "2026-11-24T09:45:00Z"
        #expect(w.run("remind").status == 0)
        let reminder = try #require(w.doubles.slackMessages.last)
        #expect(reminder.threadTS == parent)
        #expect(reminder.body["reply_broadcast"]?.value == .bool(true))
    }

    @Test func watchChecksRepeatedlyAndStillRemindsOnce() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        w.now = "2026-11-24T09:33:00Z"
        let watched = w.run("remind", "--watch", "--interval", "1", "--checks", "2")
        #expect(watched.status == 0, "\(watched.stderr)")
        #expect(w.doubles.slackMessages.count == 1)
    }

    @Test func aFailedReminderIsJournaledAndTriedAgain() throws {
        let w = try PublishWorkspace()
        try w.openAndApprove()
        w.now = "2026-11-24T09:33:00Z"
        w.doubles.script("chat.postMessage", .json(200, #"{"ok":false,"error":"channel_not_found"}"#))
        let failed = w.run("remind")
        #expect(failed.status == 2 && failed.stderr.contains("channel_not_found"))
        #expect(try w.journal().last?.delivery?.outcome == .failed)
        let again = w.run("remind")
        #expect(again.status == 0 && w.doubles.slackMessages.count == 1)
    }

    @Test func withoutDestinationsItSaysWhatToAdd() throws {
        let w = try PublishWorkspace(destinations: { doubles in
            "\"customer\": [ { \"type\": \"statuspage\", \"pageId\": \"abc\", \"apiKeyEnv\": \"K\", \"apiURL\": \"\(doubles.statuspageAPI)\" } ]"
        })
        try w.openAndApprove()
        let result = w.run("remind")
        #expect(result.status == 2 && result.stderr.contains("names no destinations for engineering"))
    }
}
