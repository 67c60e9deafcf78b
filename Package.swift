// swift-tools-version:6.0
// Chorus: one canonical incident state, the right message for every audience.
// No package dependencies: the Swift toolchain only.
import PackageDescription

// Swift 6 language mode (below) gives complete strict concurrency checking.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Chorus",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ChorusSupport", targets: ["ChorusSupport"]),
        .library(name: "ChorusTemplate", targets: ["ChorusTemplate"]),
        .library(name: "ChorusLint", targets: ["ChorusLint"]),
        .library(name: "ChorusCore", targets: ["ChorusCore"]),
        .library(name: "ChorusBoard", targets: ["ChorusBoard"]),
        .library(name: "ChorusPublish", targets: ["ChorusPublish"]),
        .library(name: "ChorusCLI", targets: ["ChorusCLI"]),
        .executable(name: "chorus", targets: ["chorus"]),
        .executable(name: "chorus-bench", targets: ["chorus-bench"]),
    ],
    targets: [
        // JSON with source positions, ISO 8601 times, "did you mean": shared by every module.
        .target(name: "ChorusSupport", swiftSettings: strict),
        // Mustache engine: scanner, parser, renderer, escapers. Knows nothing of incidents.
        .target(name: "ChorusTemplate", dependencies: ["ChorusSupport"], swiftSettings: strict),
        // Rules engine and phrasebook: lints any text. Knows nothing of incidents either.
        .target(name: "ChorusLint", dependencies: ["ChorusSupport"], swiftSettings: strict),
        // IncidentState, validation, audiences, derivation, rendering, journal.
        .target(name: "ChorusCore", dependencies: ["ChorusSupport", "ChorusTemplate", "ChorusLint"], swiftSettings: strict),
        // The board: a static site of the approved wording, generated from the journal.
        .target(name: "ChorusBoard", dependencies: ["ChorusSupport", "ChorusCore"], swiftSettings: strict),
        // Publishing: approved drafts sent to Slack, Statuspage, e-mail and webhooks (HTTP with
        // URLSession from FoundationNetworking), with retries and journal-ready records.
        .target(name: "ChorusPublish", dependencies: ["ChorusSupport", "ChorusCore"], swiftSettings: strict),
        // Argument parsing, commands and printers, testable without a process.
        .target(
            name: "ChorusCLI",
            dependencies: ["ChorusSupport", "ChorusCore", "ChorusTemplate", "ChorusLint", "ChorusBoard", "ChorusPublish"],
            swiftSettings: strict
        ),
        .executableTarget(name: "chorus", dependencies: ["ChorusCLI"], swiftSettings: strict),
        .executableTarget(
            name: "chorus-bench",
            dependencies: ["ChorusSupport", "ChorusCore", "ChorusTemplate", "ChorusLint", "ChorusCLI"],
            swiftSettings: strict
        ),
        // Helpers shared by the test targets (GrowthRatio: cost growth by thread CPU time); not a product.
        .target(name: "ChorusTestSupport", path: "Tests/ChorusTestSupport", swiftSettings: strict),
        .testTarget(name: "ChorusSupportTests", dependencies: ["ChorusSupport", "ChorusTestSupport"], swiftSettings: strict),
        .testTarget(name: "ChorusTemplateTests", dependencies: ["ChorusTemplate", "ChorusSupport"], swiftSettings: strict),
        .testTarget(name: "ChorusLintTests", dependencies: ["ChorusLint", "ChorusSupport"], exclude: ["evaluation.tsv"], swiftSettings: strict),
        .testTarget(
            name: "ChorusCoreTests",
            dependencies: ["ChorusCore", "ChorusSupport", "ChorusLint", "ChorusTemplate", "ChorusTestSupport"],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(name: "ChorusPublishTests", dependencies: ["ChorusPublish", "ChorusCore", "ChorusSupport", "ChorusCLI"], swiftSettings: strict),
        .testTarget(name: "ChorusBoardTests", dependencies: ["ChorusBoard", "ChorusCore", "ChorusSupport"], swiftSettings: strict),
        .testTarget(
            name: "ChorusCLITests", dependencies: ["ChorusCLI", "ChorusCore", "ChorusSupport", "chorus"],
            exclude: ["Fixtures", "Golden"], swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
