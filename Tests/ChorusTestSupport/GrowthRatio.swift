import Foundation

/// Growth of a cost with its input, judged by CPU time of the calling thread (not wall-clock:
/// other tests and processes sharing the machine do not inflate it), the smallest of a few
/// alternating rounds at each size, compared by a generous ratio. Shared by the test targets
/// that check a cost grows linearly (`import ChorusTestSupport`).
public enum GrowthRatio {
    /// CPU seconds the calling thread has used so far.
    public static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// (fastest small, fastest large, large / small) over `rounds` alternating rounds.
    public static func measure(rounds: Int = 3, small: () throws -> Void, large: () throws -> Void) rethrows -> (small: Double, large: Double, ratio: Double) {
        var best = (small: Double.infinity, large: Double.infinity)
        for _ in 0..<rounds {
            var start = threadCPUSeconds()
            try small()
            best.small = min(best.small, threadCPUSeconds() - start)
            start = threadCPUSeconds()
            try large()
            best.large = min(best.large, threadCPUSeconds() - start)
        }
        return (best.small, best.large, best.large / max(best.small, 1e-6))
    }
}
