// swift-tools-version: 6.0
// A fuzz target over front matter and Markdown. It is a package of its own, over the library
// of the package two folders up, so the main build and its tests never need the fuzzer.
// tests/fuzz.sh builds it with libFuzzer and AddressSanitizer and runs it.
import PackageDescription

let package = Package(
    name: "StrataFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "Strata", path: "../..")],
    targets: [
        .executableTarget(name: "StrataFuzz", dependencies: [.product(name: "Strata", package: "Strata")])
    ],
    swiftLanguageModes: [.v6]
)
