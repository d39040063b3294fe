// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "twitchcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twitchcheck", targets: ["twitchcheck"]),
        .library(name: "TwitchCheckKit", targets: ["TwitchCheckKit"]),
        // The CDS Hooks / JSON server lives in its own targets so that building `twitchcheck` never
        // compiles Hummingbird; `twitchcheck serve` hands over to this executable.
        .executable(name: "twitchcheck-serve", targets: ["twitchcheck-serve"]),
        .library(name: "TwitchCheckServer", targets: ["TwitchCheckServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Server only (TwitchCheckServer, twitchcheck-serve and their tests); no traits we do not use.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.7.1"),
        // Hummingbird's own dependency, named so the server can run Swift concurrency on NIO's event loops.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // The seed files' fingerprint, one definition for the build tool and the library.
        .target(name: "SeedDigest", path: "Sources/SeedDigest"),
        // Turns Schema/ and Seeds/ into Swift source, so a copied binary can build its database anywhere.
        .executableTarget(name: "SeedEmbedder", dependencies: ["SeedDigest"], path: "Sources/SeedEmbedder"),
        .plugin(
            name: "EmbedSeeds",
            capability: .buildTool(),
            dependencies: ["SeedEmbedder"],
            path: "Plugins/EmbedSeeds"
        ),
        // A prefetch hint for batch's patient table (Swift has none); one inline C function.
        .target(name: "CPrefetch", path: "Sources/CPrefetch"),
        // glibc's mallopt for batch: one malloc arena for all its threads; one inline C function.
        .target(name: "CMalloc", path: "Sources/CMalloc"),
        // Linux fallocate for batch's report file (Glibc's module does not declare it); one C function.
        .target(name: "CFileSpace", path: "Sources/CFileSpace"),
        .target(
            name: "TwitchCheckKit",
            dependencies: ["SeedDigest", "CPrefetch", "CFileSpace", .product(name: "GRDB", package: "GRDB.swift")],
            // EmbeddedData/ links to Schema/ and Seeds/; the plugin embeds their .sql and .tsv files.
            exclude: ["EmbeddedData/Schema/README.md", "EmbeddedData/Schema/SEVERITY_POLICY.md", "EmbeddedData/Schema/BURDEN.md"],
            plugins: ["EmbedSeeds"]
        ),
        .executableTarget(
            name: "twitchcheck",
            dependencies: [
                "TwitchCheckKit",
                "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // A release build carries the Swift runtime and Foundation inside the binary: it runs where
            // Swift is not installed, and each `check` starts about 5 ms sooner (nothing to load and
            // relocate at start; issue 13). Debug builds, and so the tests, link dynamically as before.
            // lld, and Foundation's own static libraries named, because the toolchain's static Foundation
            // does not list them for the linker.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-use-ld=lld", "-lFoundationInternationalization", "-l_FoundationICU",
                                           "-l_FoundationCollections", "-l_FoundationCShims", "-lCoreFoundation"],
                                          .when(platforms: [.linux], configuration: .release))]
        ),
        .target(
            name: "TwitchCheckServer",
            dependencies: [
                "TwitchCheckKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .executableTarget(
            name: "twitchcheck-serve",
            dependencies: [
                "TwitchCheckServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        // The tests' temporary folder, removed when a test process exits.
        .target(name: "TestScratch", path: "Tests/TestScratch"),
        .testTarget(name: "TwitchCheckKitTests", dependencies: ["TwitchCheckKit", "TestScratch"]),
        .testTarget(
            name: "TwitchCheckServerTests",
            dependencies: [
                "TwitchCheckServer",
                "TestScratch",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
            ]
        ),
        .testTarget(name: "TwitchCheckCLITests", dependencies: ["twitchcheck", "TestScratch"]),
    ]
)
