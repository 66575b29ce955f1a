// swift-tools-version: 6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "Strata",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "strata", targets: ["strata"]),
        .library(name: "Strata", targets: ["Strata"]),
        .library(name: "StrataTemplates", targets: ["StrataTemplates"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .target(name: "CSwap"),
        .target(
            name: "Strata",
            dependencies: [
                "CCmarkGFM",
                "CSwap",
                "Yams",
                "StrataTemplates",
                "FlyingFox",
                .product(name: "FlyingSocks", package: "FlyingFox"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StrataTemplates",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "strata",
            dependencies: [
                "Strata",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StrataTests",
            dependencies: ["Strata", "StrataTemplates"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StrataTemplatesTests",
            dependencies: ["StrataTemplates"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
