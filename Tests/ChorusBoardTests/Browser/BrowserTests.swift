import ChorusBoard
import ChorusCore
import Foundation
import Testing

/// The board in a real browser (headless Chromium): every page loads without a console error,
/// copy buttons copy the approved text (by mouse and by keyboard), a stale approval shows its
/// banner and not its text, a hostile state stays inert, and pages read well on a phone, in
/// dark mode and in print. Skipped, with the reason printed, when no browser is installed;
/// `.ci/run` installs Debian's chromium first.
@Suite("Board in a real browser", .serialized, .enabled(if: HeadlessBrowser.executable != nil, "no headless browser (install chromium or set CHORUS_BROWSER)"))
struct BrowserTests {
    /// Runs `body` with a fresh board and browser, and always cleans both up.
    static func withBrowser(hostile: Bool = true, _ body: (HeadlessBrowser, BoardSiteFixture) throws -> Void) throws {
        let site = try BoardSiteFixture(hostile: hostile)
        defer { site.remove() }
        let browser = try HeadlessBrowser()
        defer { browser.quit() }
        try browser.emulate(width: 1000, height: 900)
        try body(browser, site)
    }

    /// Polls the clipboard until it differs from `before` (the copy is asynchronous).
    static func clipboard(_ browser: HeadlessBrowser, after before: String) throws -> String? {
        for _ in 0..<30 {
            let text = try browser.clipboard()
            if text != before { return text }
            usleep(100_000)
        }
        return try browser.clipboard()
    }

    @Test(.timeLimit(.minutes(2))) func everyPageLoadsWithoutConsoleErrors() throws {
        try Self.withBrowser { browser, site in
            #expect(site.pages.count == 5)
            for page in site.pages {
                try browser.open(page)
                let heading = try browser.string("document.querySelector('h1') ? document.querySelector('h1').textContent : ''") ?? ""
                #expect(!heading.isEmpty, "\(page.lastPathComponent) has a heading")
                let buttons = try browser.evaluate("document.querySelectorAll('button.copy').length") as? Int ?? -1
                let shown = try browser.evaluate("document.querySelectorAll('button.copy:not([hidden])').length") as? Int ?? -2
                #expect(buttons == shown, "the script ran and showed every copy button on \(page.lastPathComponent)")
                #expect(try browser.evaluate("!!document.querySelector('main') && !!document.querySelector('header') && !!document.querySelector('footer')") as? Bool == true)
            }
            #expect(browser.errors.isEmpty, "\(browser.errors)")
        }
    }

    @Test(.timeLimit(.minutes(2))) func theCopyButtonsCopyTheApprovedTextByMouseAndByKeyboard() throws {
        try Self.withBrowser { browser, site in
            try browser.open(site.page("INC-2041"))
            let renderer = try BoardFixture.requireRenderer()
            let approvedAt = RenderClock(now: BoardFixture.date("2026-11-24T09:26:00Z"))
            let customerText = try renderer.render(site.approvedState, audience: "customer", format: .text, clock: approvedAt).output

            _ = try browser.evaluate("navigator.clipboard.writeText('before')")
            try browser.click("button[data-copy='audience-customer-text-1']")
            #expect(try Self.clipboard(browser, after: "before") == customerText.trimmingCharacters(in: .newlines))
            #expect(try browser.string("document.getElementById('announce').textContent") == "Copied to the clipboard")
            #expect(try browser.string("document.querySelector(\"button[data-copy='audience-customer-text-1'] .label\").textContent") == "Copied")

            try browser.click("button[data-copy='audience-customer-markdown']")
            #expect(try Self.clipboard(browser, after: customerText.trimmingCharacters(in: .newlines)) == site.approvals["customer"]?.text)

            // Keyboard: focus the support reply's button and press Enter; the notes' with space.
            _ = try browser.evaluate("document.querySelector(\"button[data-copy='audience-support-text-1']\").focus()")
            try browser.press("Enter")
            let reply = try Self.clipboard(browser, after: site.approvals["customer"]?.text ?? "") ?? ""
            #expect(reply.hasPrefix("Hello,\n\nThank you for getting in touch."), "\(reply)")
            #expect(!reply.contains("Agent notes"))
            _ = try browser.evaluate("document.querySelector(\"button[data-copy='audience-support-text-2']\").focus()")
            try browser.press(" ")
            let notes = try Self.clipboard(browser, after: reply) ?? ""
            #expect(notes.hasPrefix("- Incident: ") && notes.contains("- Who is affected:"), "\(notes)")
            #expect(browser.errors.isEmpty, "\(browser.errors)")
        }
    }

    @Test(.timeLimit(.minutes(2))) func aStaleApprovalShowsTheBannerAndNotTheText() throws {
        try Self.withBrowser { browser, site in
            try browser.open(site.page("INC-2042"))
            let banner = try browser.string("document.querySelector('#audience-support .banner.stale').innerText") ?? ""
            #expect(banner.contains("Stale: the incident changed since this was approved."), "\(banner)")
            #expect(banner.contains("Changed since: workaround."))
            #expect(try browser.evaluate("document.querySelectorAll('#audience-support pre, #audience-support button').length") as? Int == 0)
            let pageText = try browser.string("document.body.innerText") ?? ""
            #expect(!pageText.contains(site.staleWorkaround), "the stale wording is nowhere on the page")
            let customer = try browser.string("document.querySelector('#audience-customer .banner').innerText") ?? ""
            #expect(customer.contains("Not approved yet."))
            #expect(browser.errors.isEmpty, "\(browser.errors)")
        }
    }

    @Test(.timeLimit(.minutes(2))) func aHostileStateRendersInert() throws {
        try Self.withBrowser { browser, site in
            for (page, selector) in [(site.page("INC-6666"), "h1"), (site.index, "main a[href='incidents/INC-6666.html']")] {
                try browser.open(page)
                let heading = try browser.string("document.querySelector(\"\(selector)\").textContent") ?? ""
                #expect(heading.contains("<script>window.pwned = 1</script><img src=x onerror=\"window.pwned = 2\">"), "\(heading)")
                #expect(try browser.evaluate("typeof window.pwned") as? String == "undefined")
                #expect(try browser.evaluate("document.querySelectorAll('img, iframe, svg, object, embed, b, main style').length") as? Int == 0)
                #expect(try browser.evaluate("document.scripts.length") as? Int == 1)
                #expect(try browser.evaluate("[...document.querySelectorAll('a')].filter(a => !/^(https?:|#|\\.\\.\\/|incidents\\/|index\\.html)/.test(a.getAttribute('href'))).length") as? Int == 0)
                #expect(try browser.evaluate("getComputedStyle(document.body).display") as? String == "block")
            }
            try browser.open(site.page("INC-6666"))
            let broken = try browser.string("document.querySelector('dl.summary dd').textContent") ?? ""
            #expect(broken == "</pre></dd><iframe src=\"https://evil.example\"></iframe><b onclick=\"window.pwned = 3\">bold</b> & reversed")
            try browser.click("button[data-copy='audience-customer-text-1']")
            #expect(try browser.evaluate("typeof window.pwned") as? String == "undefined")
            #expect(browser.errors.isEmpty, "\(browser.errors)")
        }
    }

    @Test(.timeLimit(.minutes(2))) func readableOnAPhoneInDarkModeAndInPrint() throws {
        try Self.withBrowser { browser, site in
            for page in [site.index, site.page("INC-2041")] {
                try browser.emulate(width: 375, height: 812, mobile: true)
                try browser.open(page)
                let width = try browser.evaluate("document.documentElement.scrollWidth") as? Int ?? 0
                #expect(width <= 375, "\(page.lastPathComponent) fits a phone's width without scrolling sideways (\(width) px)")
                try browser.emulate(width: 1000, height: 900, dark: true)
                #expect(try browser.string("getComputedStyle(document.body).backgroundColor") == "rgb(18, 20, 23)")
                #expect(try browser.string("getComputedStyle(document.body).color") == "rgb(233, 234, 236)")
                try browser.emulate(width: 1000, height: 900, dark: false)
                #expect(try browser.string("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)")
                try browser.emulate(width: 1000, height: 900, media: "print")
                let shownInPrint = try browser.evaluate("[...document.querySelectorAll('button.copy')].filter(b => getComputedStyle(b).display !== 'none').length") as? Int
                #expect(shownInPrint == 0, "no buttons in print")
            }
            try browser.emulate(width: 1000, height: 900)
            #expect(try browser.evaluate("[...document.querySelectorAll('button.copy')].every(b => b.tagName === 'BUTTON' && b.tabIndex === 0 && b.textContent.trim().length > 4)") as? Bool == true,
                    "copy buttons are focusable buttons with a name")
            #expect(try browser.evaluate("document.documentElement.lang") as? String == "en")
            #expect(browser.errors.isEmpty, "\(browser.errors)")
        }
    }

    /// Writes the README's screenshots (index and an incident page, light and dark) when
    /// `CHORUS_SCREENSHOTS` names a folder: `CHORUS_SCREENSHOTS=docs swift test --filter BrowserTests`.
    @Test(.timeLimit(.minutes(2)), .enabled(if: ProcessInfo.processInfo.environment["CHORUS_SCREENSHOTS"] != nil, "CHORUS_SCREENSHOTS is not set (set it to a folder, e.g. docs, to write the screenshots)"))
    func screenshotsForTheReadme() throws {
        let folder = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CHORUS_SCREENSHOTS"] ?? "docs",
                         relativeTo: BoardFixture.root)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.withBrowser(hostile: false) { browser, site in
            for (name, page) in [("board-index", site.index), ("board-incident", site.page("INC-2041"))] {
                for dark in [false, true] {
                    try browser.emulate(width: 1000, height: 800, dark: dark)
                    try browser.open(page)
                    let png = try browser.screenshot()
                    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
                    try png.write(to: folder.appendingPathComponent("\(name)-\(dark ? "dark" : "light").png"))
                }
            }
        }
    }
}

/// Says why the browser tests were skipped, so a run without a browser says so plainly.
@Suite("Board in a real browser: availability")
struct BrowserAvailabilityTests {
    @Test func theBrowserOrTheReasonItIsMissingIsReported() {
        if let executable = HeadlessBrowser.executable {
            print("Board browser tests use \(executable)")
            #expect(FileManager.default.isExecutableFile(atPath: executable))
        } else {
            print("Skipping the board's browser tests: \(HeadlessBrowser.skipReason)")
            #expect(HeadlessBrowser.skipReason.contains("chromium"))
        }
    }
}
