// swift-tools-version:6.0
// libFuzzer harnesses for Chorus's parsers: its own package (like .ci/bench; it lives outside the root package's targets so `swift build` stays dependency-free and fast), never a
// dependency of Chorus. Build and run with Tests/Fuzz/run.sh (see its header and the README).
import PackageDescription

let harnesses: [(name: String, dependencies: [String])] = [
    ("FuzzJSON", ["ChorusSupport"]),
    ("FuzzState", ["ChorusSupport", "ChorusCore"]),
    ("FuzzTemplate", ["ChorusSupport", "ChorusTemplate"]),
    ("FuzzPhrasebook", ["ChorusLint"]),
    ("FuzzLint", ["ChorusLint", "ChorusCore"]),
    ("FuzzAudience", ["ChorusCore"]),
    ("FuzzJournal", ["ChorusSupport", "ChorusCore"]),
]

let package = Package(
    name: "ChorusFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Chorus", path: "../..")],
    targets: harnesses.map { harness in
        .executableTarget(
            name: harness.name,
            dependencies: harness.dependencies.map { .product(name: $0, package: "Chorus") } + ["FuzzSupport"]
        )
    } + [
        .target(name: "FuzzSupport", dependencies: [.product(name: "ChorusCore", package: "Chorus")]),
    ],
    swiftLanguageModes: [.v6]
)
