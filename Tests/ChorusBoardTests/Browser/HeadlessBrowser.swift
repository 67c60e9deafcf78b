import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`:
/// the browser reads JSON commands from fd 3 and writes replies and events to fd 4, each
/// message ended by a NUL byte). No port, no websocket, no dependency: a socket pair, JSON
/// from Foundation, and a deadline on every read so a stuck browser fails the test instead of
/// hanging it.
final class HeadlessBrowser {
    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The browser to use: `CHORUS_BROWSER`, else the first of the usual names on `PATH`.
    static let executable: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let named = environment["CHORUS_BROWSER"], !named.isEmpty {
            return FileManager.default.isExecutableFile(atPath: named) ? named : nil
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "headless_shell"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
                return folder + "/" + name
            }
        }
        return nil
    }()

    static var skipReason: String {
        if let named = ProcessInfo.processInfo.environment["CHORUS_BROWSER"], !named.isEmpty {
            return "CHORUS_BROWSER names \(named), which is not an executable file"
        }
        return "no headless browser found: none of chromium, chromium-browser, google-chrome, chrome, headless_shell is on PATH (install Debian's chromium, or set CHORUS_BROWSER)"
    }

    private let pid: pid_t
    private let socket: Int32
    private let home: URL
    private var buffer: [UInt8] = []
    private var nextID = 0
    private var session: String?
    /// Events received while waiting for replies, oldest first.
    private(set) var events: [[String: Any]] = []
    let timeout: TimeInterval

    /// Starts the browser with a profile, HOME and TMPDIR in a scratch folder removed by `close()`.
    init(timeout: TimeInterval = 30) throws {
        guard let executable = Self.executable else { throw Failure(Self.skipReason) }
        self.timeout = timeout
        home = FileManager.default.temporaryDirectory.appendingPathComponent("chorus-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        var pair: [Int32] = [0, 0]
        #if canImport(Glibc)
        let streamType = Int32(SOCK_STREAM.rawValue)
        #else
        let streamType = SOCK_STREAM
        #endif
        guard socketpair(AF_UNIX, streamType, 0, &pair) == 0 else { throw Failure("socketpair: \(String(cString: strerror(errno)))") }
        // Keep both ends clear of 3 and 4, and out of the browser unless placed there.
        let mine = fcntl(pair[0], F_DUPFD_CLOEXEC, 10), theirs = fcntl(pair[1], F_DUPFD_CLOEXEC, 10)
        close(pair[0])
        close(pair[1])
        socket = mine
        let arguments = [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                         "--no-default-browser-check", "--disable-extensions", "--disable-background-networking", "--mute-audio",
                         "--remote-debugging-pipe", "--user-data-dir=" + home.appendingPathComponent("profile").path, "about:blank"]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["TMPDIR"] = home.appendingPathComponent("tmp").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, theirs, 3)
        posix_spawn_file_actions_adddup2(&actions, theirs, 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child = pid_t()
        let spawned = posix_spawn(&child, executable, &actions, nil, argv, envp)
        close(theirs)
        guard spawned == 0 else {
            close(mine)
            try? FileManager.default.removeItem(at: home)
            throw Failure("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        pid = child
        let target = try send("Target.createTarget", ["url": "about:blank"], toPage: false)
        guard let targetID = target["targetId"] as? String else { throw Failure("no target id in \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true], toPage: false)
        session = attached["sessionId"] as? String
        for domain in ["Runtime.enable", "Log.enable", "Page.enable"] { _ = try send(domain) }
        _ = try send("Browser.grantPermissions", ["permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]], toPage: false)
        _ = try send("Emulation.setFocusEmulationEnabled", ["enabled": true])
    }

    /// Asks the browser to close, waits for it (killing it after a few seconds), removes its folder.
    func quit() {
        _ = try? send("Browser.close", toPage: false)
        var status: Int32 = 0
        for _ in 0..<50 {
            if waitpid(pid, &status, WNOHANG) == pid { break }
            usleep(100_000)
        }
        if waitpid(pid, &status, WNOHANG) == 0 {
            kill(pid, SIGKILL)
            waitpid(pid, &status, 0)
        }
        closeDescriptor(socket)
        try? FileManager.default.removeItem(at: home)
    }

    // MARK: The protocol

    /// Sends a command (to the page's session unless `toPage` is false) and returns its result.
    @discardableResult
    func send(_ method: String, _ parameters: [String: Any] = [:], toPage: Bool = true) throws -> [String: Any] {
        nextID += 1
        var message: [String: Any] = ["id": nextID, "method": method, "params": parameters]
        if toPage, let session { message["sessionId"] = session }
        var bytes = Array(try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { sendWithoutSignal(socket, $0) }
            if written < 0 {
                if errno == EINTR { continue }
                throw Failure("\(method): the browser is gone (\(String(cString: strerror(errno))))")
            }
            offset += written
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try readMessage(until: deadline, waitingFor: method)
            if reply["id"] as? Int == nextID {
                if let error = reply["error"] { throw Failure("\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            events.append(reply)
        }
    }

    /// Waits for an event named `method` (one already received counts) and returns its parameters.
    @discardableResult
    func waitForEvent(_ method: String) throws -> [String: Any] {
        if let index = events.firstIndex(where: { $0["method"] as? String == method }) {
            return events.remove(at: index)["params"] as? [String: Any] ?? [:]
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let message = try readMessage(until: deadline, waitingFor: method)
            if message["method"] as? String == method { return message["params"] as? [String: Any] ?? [:] }
            events.append(message)
        }
    }

    private func readMessage(until deadline: Date, waitingFor what: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw Failure("not a JSON object: \(data)") }
                return message
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw Failure("no answer from the browser within \(Int(timeout)) s while waiting for \(what)") }
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0 && errno != EINTR { throw Failure("poll: \(String(cString: strerror(errno)))") }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count == 0 { throw Failure("the browser closed the connection while we waited for \(what)") }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure("recv: \(String(cString: strerror(errno)))")
            }
            buffer += chunk[..<count]
        }
    }

    // MARK: What the tests do

    /// Loads `url` and waits for its load event.
    func open(_ url: URL) throws {
        try send("Page.navigate", ["url": url.absoluteString])
        try waitForEvent("Page.loadEventFired")
    }

    /// Evaluates `expression` in the page (awaiting a promise) and returns its JSON value.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try send("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure("\(expression): \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    func string(_ expression: String) throws -> String? { try evaluate(expression) as? String }

    /// Clicks the centre of the element `selector` with real mouse events (a user gesture).
    func click(_ selector: String) throws {
        let position = try evaluate("""
        (() => { const e = document.querySelector(\(Self.quoted(selector))); if (!e) return null; e.scrollIntoView({block: 'center'});
                 const r = e.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()
        """) as? [Double]
        guard let position, position.count == 2 else { throw Failure("no element \(selector) to click") }
        for type in ["mouseMoved", "mousePressed", "mouseReleased"] {
            try send("Input.dispatchMouseEvent", ["type": type, "x": position[0], "y": position[1], "button": "left", "clickCount": 1])
        }
    }

    /// Presses a key (Enter, Tab, space) as a keyboard user would.
    func press(_ key: String, shift: Bool = false) throws {
        let codes: [String: (code: String, keyCode: Int, text: String?)] = [
            "Enter": ("Enter", 13, "\r"), "Tab": ("Tab", 9, nil), " ": ("Space", 32, " "),
        ]
        guard let info = codes[key] else { throw Failure("no key \(key)") }
        var down: [String: Any] = ["type": "keyDown", "key": key, "code": info.code, "windowsVirtualKeyCode": info.keyCode,
                                   "nativeVirtualKeyCode": info.keyCode, "modifiers": shift ? 8 : 0]
        if let text = info.text { down["text"] = text }
        try send("Input.dispatchKeyEvent", down)
        try send("Input.dispatchKeyEvent", ["type": "keyUp", "key": key, "code": info.code, "windowsVirtualKeyCode": info.keyCode,
                                            "nativeVirtualKeyCode": info.keyCode, "modifiers": shift ? 8 : 0])
    }

    /// The text on the clipboard, as the page reads it.
    func clipboard() throws -> String? { try string("navigator.clipboard.readText()") }

    /// Console errors, uncaught exceptions and browser log errors (a failed load, a blocked
    /// script or style) seen so far.
    var errors: [String] {
        events.compactMap { event -> String? in
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.consoleAPICalled":
                guard ["error", "assert"].contains(params["type"] as? String ?? "") else { return nil }
                return "console.\(params["type"] ?? ""): \(params["args"] ?? "")"
            case "Runtime.exceptionThrown":
                return "exception: \(params["exceptionDetails"] ?? "")"
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                guard entry["level"] as? String == "error" else { return nil }
                return "log: \(entry["text"] ?? "") \(entry["url"] ?? "")"
            default:
                return nil
            }
        }
    }

    /// Sets the viewport, the colour scheme and the media type.
    func emulate(width: Int, height: Int, dark: Bool = false, media: String = "screen", mobile: Bool = false) throws {
        try send("Emulation.setDeviceMetricsOverride", ["width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile])
        try send("Emulation.setEmulatedMedia", ["media": media, "features": [["name": "prefers-color-scheme", "value": dark ? "dark" : "light"]]])
    }

    /// A PNG of the whole page at the current viewport width.
    func screenshot() throws -> Data {
        let metrics = try send("Page.getLayoutMetrics")
        let size = metrics["cssContentSize"] as? [String: Any] ?? [:]
        let width = (size["width"] as? Double) ?? 1000, height = (size["height"] as? Double) ?? 1000
        let result = try send("Page.captureScreenshot", ["format": "png", "captureBeyondViewport": true,
                                                         "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1]])
        guard let base64 = result["data"] as? String, let data = Data(base64Encoded: base64) else { throw Failure("no screenshot data") }
        return data
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}

/// `send(2)` without SIGPIPE: a browser that died fails the test instead of killing the runner.
private func sendWithoutSignal(_ socket: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
    #if canImport(Glibc)
    send(socket, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
    #else
    send(socket, bytes.baseAddress, bytes.count, 0)
    #endif
}

private func closeDescriptor(_ descriptor: Int32) {
    _ = close(descriptor)
}
