// swift-tools-version:6.2
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "sichtbar",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sichtbar", targets: ["sichtbar"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        // Identity in the request context: one authenticator for bearer tokens and the session cookie.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams.git", exact: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        // Named because Web imports them itself, not only through Hummingbird's re-exports.
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", exact: "1.35.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", exact: "1.8.0"),
        // The reporter API's types and server interface, generated from Templates/api/openapi.yaml.
        .package(url: "https://github.com/apple/swift-openapi-generator.git", exact: "1.14.3"),
        .package(url: "https://github.com/apple/swift-openapi-runtime.git", exact: "1.13.4"),
        .package(url: "https://github.com/hummingbird-project/swift-openapi-hummingbird.git", exact: "2.1.0"),
        // The second store engine: PostgreSQL through a pooled, structured-concurrency client.
        .package(url: "https://github.com/vapor/postgres-nio.git", exact: "1.33.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        .target(name: "CProcess"),
        .target(name: "Sealing", dependencies: ["CSodium"], swiftSettings: swiftSettings),
        // The layers, bottom up (docs/architecture.md): a module imports only those listed before it.
        .target(name: "ScanScrubbing", swiftSettings: swiftSettings),
        .target(
            name: "SichtbarCore",
            dependencies: ["Sealing", "ScanScrubbing", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(name: "Workflow", dependencies: ["SichtbarCore", "ScanScrubbing"], swiftSettings: swiftSettings),
        .target(name: "Members", dependencies: ["SichtbarCore", "Sealing"], swiftSettings: swiftSettings),
        .target(name: "Intake", dependencies: ["SichtbarCore", "Workflow", "ScanScrubbing", "Sealing"], swiftSettings: swiftSettings),
        .target(
            name: "Casework",
            dependencies: ["SichtbarCore", "Workflow", "Members", "Intake", "ScanScrubbing", "Sealing"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Statistics",
            dependencies: ["Casework", "Members", "Workflow", "SichtbarCore", "Sealing", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CaseStore",
            dependencies: [
                "Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore", "Sealing",
                .product(name: "GRDB", package: "GRDB.swift"),
                // SQLite's own column accessors, for `audit verify` reading a million rows without copies.
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "PostgresStore",
            dependencies: [
                "Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore", "Sealing",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "InMemoryStore",
            dependencies: ["Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore", "Sealing"],
            swiftSettings: swiftSettings
        ),
        // Generated at build time from its openapi.yaml, a symlink to Templates/api/openapi.yaml:
        // one module for each audience's slice of the document (docs/architecture.md).
        // What the generated modules share: the pass-through value for schemas the document leaves open.
        .target(
            name: "ContractSupport",
            dependencies: [.product(name: "OpenAPIRuntime", package: "swift-openapi-runtime")],
            swiftSettings: swiftSettings
        ),
        contract("ReporterContract"),
        contract("MemberContract"),
        contract("CaseContract"),
        contract("CaseFileContract"),
        contract("StatisticsContract"),
        .target(
            name: "Web",
            dependencies: [
                "ReporterContract", "MemberContract", "CaseContract", "CaseFileContract", "StatisticsContract", "ContractSupport",
                "Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore", "ScanScrubbing", "Sealing",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIHummingbird", package: "swift-openapi-hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "App",
            dependencies: [
                "Web", "CaseStore", "PostgresStore", "InMemoryStore", "Casework", "Statistics", "Intake", "Members", "Workflow",
                "SichtbarCore", "Sealing",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "sichtbar",
            dependencies: [
                "App", "Web", "CaseStore", "PostgresStore", "Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore",
                "Sealing", "CProcess",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "SichtbarBench",
            dependencies: ["App", "CaseStore", "Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore", "Sealing"],
            swiftSettings: swiftSettings
        ),
        // Shared test fixtures: the repository's policies, offices, days; services over the in-memory engine.
        .target(
            name: "SichtbarTesting",
            dependencies: ["App", "InMemoryStore", "Statistics", "Casework", "Intake", "Members", "SichtbarCore", "Workflow", "Sealing"],
            path: "Tests/SichtbarTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SealingTests", dependencies: ["Sealing", "SichtbarTesting"], swiftSettings: swiftSettings),
        .testTarget(name: "ScanScrubbingTests", dependencies: ["ScanScrubbing", "SichtbarTesting"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SichtbarCoreTests",
            dependencies: ["SichtbarCore", "Sealing", "SichtbarTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkflowTests",
            dependencies: ["Workflow", "SichtbarCore", "SichtbarTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MembersTests",
            dependencies: [
                "Members", "Casework", "Intake", "Workflow", "App", "InMemoryStore", "SichtbarCore", "Sealing", "SichtbarTesting",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntakeTests",
            // Statistics for its seeded generator (SplitMix64) only.
            dependencies: ["Intake", "Workflow", "SichtbarCore", "ScanScrubbing", "Sealing", "Statistics", "SichtbarTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseworkTests",
            dependencies: [
                "Casework", "Intake", "Members", "ScanScrubbing", "Statistics", "Workflow", "App", "InMemoryStore", "SichtbarCore",
                "Sealing", "SichtbarTesting",
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "StatisticsTests",
            dependencies: [
                "Statistics", "Casework", "Intake", "Members", "Workflow", "App", "InMemoryStore", "SichtbarCore", "Sealing",
                "SichtbarTesting",
            ],
            exclude: ["Vectors"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CaseStoreTests",
            dependencies: [
                "App", "CaseStore", "Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore", "ScanScrubbing", "Sealing",
                "SichtbarTesting", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // A throw-away schema on the test server (SICHTBAR_TEST_POSTGRES) for each test that asks for one.
        .target(
            name: "PostgresTesting",
            dependencies: [
                "PostgresStore", "Sealing", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/PostgresTesting",
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL engine's own tests: its URL, migrations, audit log and group commit, against
        // the server in SICHTBAR_TEST_POSTGRES.
        .testTarget(
            name: "PostgresStoreTests",
            dependencies: [
                "PostgresStore", "PostgresTesting", "Casework", "Statistics", "Intake", "Members", "SichtbarCore", "Sealing",
                "SichtbarTesting", .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // One suite per store protocol, run against every engine.
        .testTarget(
            name: "StoreConformanceTests",
            dependencies: [
                "App", "CaseStore", "PostgresStore", "PostgresTesting", "InMemoryStore", "Casework", "Statistics", "Intake", "Members",
                "Workflow", "SichtbarCore", "Sealing", "SichtbarTesting", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // Shared route-test fixtures: the member application (`MemberTestApp`) over any engine, the
        // client's calls and forms.
        .target(
            name: "WebTesting",
            dependencies: [
                "App", "Web", "Casework", "Members", "SichtbarCore", "Sealing", "SichtbarTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/WebTesting",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WebTests",
            dependencies: [
                "App", "Web", "ReporterContract", "Casework", "Statistics", "Intake", "Members", "Workflow", "SichtbarCore",
                "ScanScrubbing", "Sealing", "SichtbarTesting", "WebTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: swiftSettings
        ),
        // Routes over the real SQLite engine: the tests that tamper with its rows.
        .testTarget(
            name: "AppTests",
            dependencies: [
                "App", "Web", "CaseStore", "Casework", "SichtbarCore", "Sealing", "SichtbarTesting", "WebTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // PostgresTesting only for the scratch schemas the binary is pointed at (`--database`).
        .testTarget(name: "EndToEndTests", dependencies: ["PostgresTesting"], swiftSettings: swiftSettings),
        // Reads docs/architecture.md, Package.swift and every import under Sources/.
        .testTarget(name: "ArchitectureTests", dependencies: [], swiftSettings: swiftSettings),
    ]
)

/// A module generated from one slice of the OpenAPI document (its openapi-generator-config.yaml).
func contract(_ name: String) -> Target {
    .target(
        name: name,
        dependencies: [
            "ContractSupport",
            .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
        ],
        swiftSettings: swiftSettings,
        plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
    )
}
