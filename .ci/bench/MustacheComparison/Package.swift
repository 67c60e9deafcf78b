// swift-tools-version:6.0
// Side-by-side benchmark of Chorus's template engine and hummingbird-project/swift-mustache on
// the same template and data (../template). A separate package, so that swift-mustache is never
// a dependency of Chorus itself; the main package's build and tests never look in here.
//
//   cd .ci/bench/MustacheComparison
//   swift run -c release --scratch-path /tmp/chorus-mustache-comparison MustacheComparison
import PackageDescription

let package = Package(
    name: "MustacheComparison",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(name: "Chorus", path: "../../.."),
    ],
    targets: [
        .executableTarget(
            name: "MustacheComparison",
            dependencies: [
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "ChorusTemplate", package: "Chorus"),
                .product(name: "ChorusSupport", package: "Chorus"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
