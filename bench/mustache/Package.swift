// swift-tools-version:6.0
// What one `{{name}}` costs in swift-mustache, the template library Strata renders with.
// `bash bench/mustache.sh` builds and runs it; docs/performance.md quotes its figures.
import PackageDescription

let package = Package(
    name: "mustache-cost",
    dependencies: [.package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1")],
    targets: [
        .executableTarget(
            name: "mustache-cost", dependencies: [.product(name: "Mustache", package: "swift-mustache")])
    ]
)
