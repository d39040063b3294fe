// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "twitchcheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twitchcheck", targets: ["twitchcheck"]),
        .library(name: "TwitchCheckKit", targets: ["TwitchCheckKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Turns Schema/ and Seeds/ into Swift source, so a copied binary can build its database anywhere.
        .executableTarget(name: "SeedEmbedder", path: "Sources/SeedEmbedder"),
        .plugin(
            name: "EmbedSeeds",
            capability: .buildTool(),
            dependencies: ["SeedEmbedder"],
            path: "Plugins/EmbedSeeds"
        ),
        .target(
            name: "TwitchCheckKit",
            dependencies: [.product(name: "GRDB", package: "GRDB.swift")],
            // EmbeddedData/ links to Schema/ and Seeds/; the plugin embeds their .sql and .tsv files.
            exclude: ["EmbeddedData/Schema/README.md", "EmbeddedData/Schema/SEVERITY_POLICY.md", "EmbeddedData/Schema/BURDEN.md"],
            plugins: ["EmbedSeeds"]
        ),
        .executableTarget(
            name: "twitchcheck",
            dependencies: [
                "TwitchCheckKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "TwitchCheckKitTests", dependencies: ["TwitchCheckKit"]),
        .testTarget(name: "TwitchCheckCLITests", dependencies: ["twitchcheck"]),
    ]
)
