// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "sichtbar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sichtbar", targets: ["sichtbar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(name: "CProcess"),
        .target(name: "Sealing", dependencies: ["CSodium"], swiftSettings: swiftSettings),
        .target(
            name: "Casework",
            dependencies: ["Sealing", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CaseStore",
            dependencies: [
                "Casework", "Sealing", .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own column accessors, for `audit verify` reading a million rows without copies.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Web",
            dependencies: [
                "Casework", "Sealing", "Statistics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "sichtbar",
            dependencies: [
                "Casework", "CaseStore", "CProcess", "Sealing", "Statistics", "Web",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Statistics",
            dependencies: ["Casework", "Sealing", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SichtbarBench",
            dependencies: ["Casework", "CaseStore", "Sealing", "Statistics"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SealingTests", dependencies: ["Sealing"], swiftSettings: swiftSettings),
        .testTarget(name: "CaseworkTests", dependencies: ["Casework", "Sealing"], swiftSettings: swiftSettings),
        .testTarget(name: "StatisticsTests", dependencies: ["Statistics", "Casework", "Sealing"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CaseStoreTests",
            dependencies: ["CaseStore", "Casework", "Sealing", "Statistics", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "Web", "Casework", "Sealing", "CaseStore", "Statistics",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "EndToEndTests", dependencies: [], swiftSettings: swiftSettings),
    ]
)
