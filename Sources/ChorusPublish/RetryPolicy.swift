import Foundation

/// Waits, and tells the time: the real clock when sending, a recorded one in tests, so back-off
/// is checked without waiting and without asserting a wall-clock time.
public protocol Sleeper: Sendable {
    func now() -> Date
    func sleep(seconds: Double)
}

/// The real clock.
public struct SystemSleeper: Sleeper {
    public init() {}
    public func now() -> Date { Date() }
    public func sleep(seconds: Double) {
        guard seconds > 0 else { return }
        Thread.sleep(forTimeInterval: seconds)
    }
}

/// Where back-off jitter comes from: each draw a number in 0..<1. Injected like the sleeper:
/// the system's random numbers when sending (`SystemRandomSource`), a fixed draw in tests
/// (`FixedRandomSource`), so waits are checked exactly.
public protocol RandomSource: Sendable {
    func draw() -> Double
}

/// The system's random number generator.
public struct SystemRandomSource: RandomSource {
    public init() {}
    public func draw() -> Double { Double.random(in: 0..<1) }
}

/// The same draw every time (clamped to 0...1): 0 waits the full back-off, 1 the shortest.
/// For tests and for replaying a send exactly.
public struct FixedRandomSource: RandomSource {
    public var value: Double
    public init(_ value: Double) { self.value = value }
    public func draw() -> Double { min(1, max(0, value)) }
}

/// How often and for how long a request is tried again: on a rate limit (429, Statuspage's 420)
/// after the service's `Retry-After`, on a server error (5xx) or a failed connection after a
/// doubling back-off with jitter; never past `budget` seconds from the first try, so a send
/// ends in bounded time and what is left is journaled as failed, for `chorus publish --retry`.
public struct RetryPolicy: Sendable, Equatable {
    /// Tries of one request, the first included.
    public var attempts: Int
    /// Seconds from the first try after which no wait starts.
    public var budget: Double
    /// The first back-off; each next one doubles, up to `longestWait`.
    public var firstWait: Double
    public var longestWait: Double
    /// The share of each back-off taken at random (0...1): with 0.5 a wait is between half and
    /// all of its back-off, so clients that failed together do not all try again together.
    /// A service's `Retry-After` is waited as given.
    public var jitter: Double

    public init(attempts: Int = 5, budget: Double = 60, firstWait: Double = 1, longestWait: Double = 16, jitter: Double = 0.5) {
        self.attempts = attempts
        self.budget = budget
        self.firstWait = firstWait
        self.longestWait = longestWait
        self.jitter = jitter
    }

    /// The back-off before try `attempt + 1`, without jitter: its longest.
    public func backoff(after attempt: Int) -> Double {
        min(longestWait, firstWait * pow(2, Double(max(0, attempt - 1))))
    }

    /// The back-off before try `attempt + 1` for a `draw` in 0..<1: up to `jitter` of it is
    /// taken off (a draw of 0 waits it all).
    public func backoff(after attempt: Int, draw: Double) -> Double {
        let share = min(1, max(0, jitter)) * min(1, max(0, draw))
        return backoff(after: attempt) * (1 - share)
    }
}

/// The answer to one request after its retries.
enum ExchangeResult {
    case answered(HTTPResponse)
    /// No answer; `uncertain` when the service may have acted on it.
    case unanswered(String, uncertain: Bool)
}

/// Sends requests with retries, counting them.
struct Exchange {
    let transport: any HTTPTransport
    let policy: RetryPolicy
    let sleeper: any Sleeper
    let random: any RandomSource
    /// Requests sent so far (every retry counts).
    var requests = 0
    /// What was waited, in order (for the report: "waited 3 s after a 429").
    var waits: [Double] = []

    init(transport: any HTTPTransport, policy: RetryPolicy, sleeper: any Sleeper, random: any RandomSource) {
        self.transport = transport
        self.policy = policy
        self.sleeper = sleeper
        self.random = random
    }

    /// The back-off before try `attempt + 1`, with its jitter drawn.
    func backoff(after attempt: Int) -> Double {
        policy.backoff(after: attempt, draw: random.draw())
    }

    /// Whether `response` asks to be tried again later: a rate limit or a server error.
    static func isRetryable(_ response: HTTPResponse) -> Bool {
        response.status == 429 || response.status == 420 || (500...599).contains(response.status)
    }

    /// Sends `request`, trying again on a rate limit, and — when `repeatable` (the request can
    /// be applied twice without harm: an update, a read) — on a server error or no answer. A
    /// request that is not repeatable (a create) is tried again only when it surely was not
    /// acted on: a rate limit, or a connection that never opened.
    mutating func send(_ request: OutgoingRequest, repeatable: Bool) -> ExchangeResult {
        let start = sleeper.now()
        var attempt = 0
        while true {
            attempt += 1
            requests += 1
            let wait: Double
            do {
                let response = try transport.send(request)
                let limited = response.status == 429 || response.status == 420
                guard Self.isRetryable(response), limited || repeatable else { return .answered(response) }
                wait = limited ? (response.retryAfter(now: sleeper.now()) ?? backoff(after: attempt)) : backoff(after: attempt)
                guard mayWait(wait, attempt: attempt, since: start) else { return .answered(response) }
            } catch {
                switch error {
                case .notSent(let message):
                    wait = backoff(after: attempt)
                    guard mayWait(wait, attempt: attempt, since: start) else { return .unanswered(message, uncertain: false) }
                case .noAnswer(let message):
                    wait = backoff(after: attempt)
                    guard repeatable, mayWait(wait, attempt: attempt, since: start) else { return .unanswered(message, uncertain: !repeatable) }
                }
            }
            waits.append(wait)
            sleeper.sleep(seconds: wait)
        }
    }

    /// Whether another try fits the policy after waiting `wait`.
    func mayWait(_ wait: Double, attempt: Int, since start: Date) -> Bool {
        attempt < policy.attempts && sleeper.now().timeIntervalSince(start) + wait <= policy.budget
    }

    /// Waits the back-off after round `round` of a sequence of tries, if it fits the budget.
    mutating func pause(round: Int, since start: Date) -> Bool {
        let wait = backoff(after: round)
        guard mayWait(wait, attempt: round, since: start) else { return false }
        waits.append(wait)
        sleeper.sleep(seconds: wait)
        return true
    }
}
