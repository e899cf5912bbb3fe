// swift-tools-version:6.1
import PackageDescription

let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "Earned",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "earned", targets: ["earned"])
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sqlite-nio.git", from: "1.13.2"),
        .package(url: "https://github.com/JohnSundell/Plot.git", from: "0.14.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        // ln Γ through the reentrant lgamma_r: glibc's lgamma writes the global signgam, a data
        // race under the parallel likelihoods.
        .package(url: "https://github.com/apple/swift-numerics.git", from: "1.1.1"),
        // HMAC-SHA1 for TOTP and AES-GCM for the stored second-factor secrets (Vapor depends on it too).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"6.0.0"),
        // SMTP, IMAP and the Telegram Bot API spoken by EarnedChannels (Vapor depends on both too).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(name: "EarnedDomain", swiftSettings: strict),
        // Files in, domain values out: CSV, text encodings, locale numbers and dates, and the
        // parsers of a shop's files into the domain's rows.
        .target(name: "EarnedFormats", dependencies: ["EarnedDomain"], swiftSettings: strict),
        .target(
            name: "EarnedAnalytics",
            dependencies: ["EarnedDomain", "EarnedFormats", .product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: strict),
        .target(
            name: "EarnedStore",
            dependencies: [
                "EarnedDomain", "EarnedFormats",
                .product(name: "FluentKit", package: "fluent-kit"),
                // For a column's default in a migration (`.sql(.default(…))`) and a list's capped count
                // (`KeysetPage.count`, which turns a Fluent query into SQL).
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                // Only for the bulk-insert fast path of Queries/BulkWriter.swift, the bulk reads of
                // Queries/ScoreFacts.swift and Queries/PromiseFactQueries.swift, and for checking a
                // backup apart from the database in Queries/SQLiteRestore.swift.
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
            ],
            swiftSettings: strict
        ),
        // The use cases: scoring runs, scheduler passes… No Vapor: the web layer hands in what
        // they need (a database, a log, a webhook transport, instruments).
        .target(
            name: "EarnedServices",
            dependencies: [
                "EarnedDomain", "EarnedFormats", "EarnedAnalytics", "EarnedStore",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        // The shop's own channels, spoken by Earned: an SMTP client (and the IMAP and Telegram
        // clients), each implementing a transport protocol of EarnedServices.
        .target(
            name: "EarnedChannels",
            dependencies: [
                "EarnedDomain", "EarnedServices",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strict
        ),
        // The demo business: its generator, and its history handed to the store's bulk writer.
        .target(name: "EarnedDemo", dependencies: ["EarnedDomain", "EarnedStore"], swiftSettings: strict),
        .target(
            name: "EarnedWeb",
            dependencies: [
                "EarnedDomain", "EarnedFormats", "EarnedAnalytics", "EarnedStore", "EarnedServices", "EarnedDemo",
                "EarnedChannels",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Plot", package: "Plot"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(name: "earned", dependencies: ["EarnedWeb"], swiftSettings: strict),
        .testTarget(name: "EarnedDomainTests", dependencies: ["EarnedDomain"], swiftSettings: strict),
        .testTarget(
            name: "EarnedFormatsTests", dependencies: ["EarnedFormats", "EarnedDomain"], swiftSettings: strict),
        // The channel clients against real servers on loopback (a Python SMTP server, Dovecot's
        // IMAP) when EARNED_TEST_MAIL_PYTHON names a python3 with aiosmtpd.
        .testTarget(
            name: "EarnedChannelsTests",
            dependencies: ["EarnedChannels", "EarnedServices", "EarnedDomain", "EarnedFormats", "EarnedTestSupport"],
            swiftSettings: strict),
        .testTarget(name: "EarnedDemoTests", dependencies: ["EarnedDemo", "EarnedDomain"], swiftSettings: strict),
        .testTarget(
            name: "EarnedAnalyticsTests",
            dependencies: ["EarnedAnalytics", "EarnedDomain", "EarnedFormats", "EarnedDemo"], exclude: ["Fixtures"],
            swiftSettings: strict),
        // One fresh, migrated database (SQLite, or PostgreSQL with EARNED_TEST_POSTGRES_URL) and the
        // people and places the store and service tests start with; a real SMTP server on loopback
        // for the mail tests.
        .target(
            name: "EarnedTestSupport",
            dependencies: [
                "EarnedStore", "EarnedDomain",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            path: "Tests/EarnedTestSupport",
            swiftSettings: strict
        ),
        .testTarget(
            name: "EarnedStoreTests",
            dependencies: [
                "EarnedStore", "EarnedDomain", "EarnedTestSupport",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        // The use cases on SQLite and, with EARNED_TEST_POSTGRES_URL, on PostgreSQL.
        .testTarget(
            name: "EarnedServicesTests",
            dependencies: [
                "EarnedServices", "EarnedStore", "EarnedDomain", "EarnedFormats", "EarnedTestSupport",
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EarnedWebTests",
            dependencies: [
                "EarnedWeb", "EarnedServices", "EarnedStore", "EarnedDomain", "EarnedAnalytics", "EarnedFormats",
                "EarnedDemo", "EarnedTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "Vapor", package: "vapor"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ],
            swiftSettings: strict
        ),
    ]
)
