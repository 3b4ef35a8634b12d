// swift-tools-version: 6.1
import PackageDescription

/// Warnings are errors in every target of ours (never in dependencies).
let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
    name: "bulletind",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bulletind", targets: ["bulletind"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-system.git", from: "1.8.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-async-algorithms.git", from: "1.1.4"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "5.0.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
    ],
    targets: [
        // libsystemd, seen from Swift. Only SystemdSupport imports it.
        .systemLibrary(
            name: "CSystemd",
            pkgConfig: "libsystemd",
            providers: [.apt(["libsystemd-dev"])]
        ),
        // ICU (charset detection, strict conversion), uchardet and CLD2 (language identification)
        // behind plain C functions: ICU's names carry its version and CLD2 speaks C++.
        .target(
            name: "CTextDetection",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("uchardet"),
                .linkedLibrary("cld2"), .linkedLibrary("stdc++"),
            ]
        ),
        // Pure: bytes and text in, stories, decisions and records out. No Glibc, Dispatch or
        // libsystemd; text models (charsets, languages) come from CTextDetection.
        .target(
            name: "BulletinCore",
            dependencies: ["CTextDetection", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // Linux calls the Glibc module hides behind _GNU_SOURCE (renameat2).
        .target(name: "CLinux"),
        // The thin edge to the kernel: inotify, descriptors, files, locks.
        .target(
            name: "LinuxIO",
            dependencies: ["CLinux", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        // journald and sd_notify: the only importer of CSystemd.
        .target(
            name: "SystemdSupport",
            dependencies: ["CSystemd", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict
        ),
        // The daemon's instruments (swift-metrics) and their Prometheus text (swift-prometheus).
        .target(
            name: "BulletinMetrics",
            dependencies: [
                "BulletinCore",
                .product(name: "CoreMetrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        // Configuration, the ingest pipeline, the store and the services that wire them together.
        .target(
            name: "BulletinDaemon",
            dependencies: [
                "BulletinCore", "LinuxIO", "SystemdSupport", "BulletinMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "AsyncAlgorithms", package: "swift-async-algorithms"),
                .product(name: "SystemPackage", package: "swift-system"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strict
        ),
        // `bulletind export`: the store's lines as ninjs, read and followed across rotations.
        .target(
            name: "BulletinExport",
            dependencies: ["BulletinCore", "LinuxIO", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        // The command line, and nothing else.
        .executableTarget(
            name: "bulletind",
            dependencies: [
                "BulletinDaemon", "BulletinMetrics", "BulletinExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        // Benchmarks and evaluations: release-build executables that print figures.
        .executableTarget(
            name: "ParserBenchmark", dependencies: ["BulletinCore"], path: "Benchmarks/ParserBenchmark", swiftSettings: strict),
        .executableTarget(
            name: "ParseEval", dependencies: ["BulletinCore"], path: "Benchmarks/ParseEval", swiftSettings: strict),
        .executableTarget(
            name: "DedupEval", dependencies: ["BulletinCore"], path: "Benchmarks/DedupEval", swiftSettings: strict),
        .executableTarget(
            name: "LangEval", dependencies: ["BulletinCore"],
            path: "Benchmarks/LangEval", swiftSettings: strict),
        .executableTarget(
            name: "DedupBenchmark", dependencies: ["BulletinCore"], path: "Benchmarks/DedupBenchmark", swiftSettings: strict),
        .executableTarget(
            name: "IngestBenchmark",
            dependencies: [
                "BulletinCore", "BulletinDaemon", "LinuxIO", "SystemdSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            path: "Benchmarks/IngestBenchmark", swiftSettings: strict),
        .testTarget(
            name: "BulletinCoreTests",
            dependencies: ["BulletinCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "LinuxIOTests",
            dependencies: ["LinuxIO", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SystemdSupportTests",
            dependencies: ["SystemdSupport"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BulletinDaemonTests",
            dependencies: ["BulletinDaemon", "BulletinCore", "LinuxIO"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BulletinMetricsTests",
            dependencies: [
                "BulletinMetrics", "BulletinCore",
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "BulletinExportTests",
            dependencies: ["BulletinExport", "BulletinCore", "LinuxIO", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BulletinCore", "BulletinDaemon", "BulletinMetrics"],
            swiftSettings: strict
        ),
    ]
)
