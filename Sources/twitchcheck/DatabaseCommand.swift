import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck db`: where the knowledge base is, and building it.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Locate or build the knowledge base.",
        subcommands: [PathCommand.self, BuildCommand.self]
    )

    /// `twitchcheck db path`.
    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "Print the path of the knowledge base in use (building the default one if it is missing).",
            discussion: "Use it to query the database directly: sqlite3 \"$(twitchcheck db path)\""
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let locator = database.locator
            _ = try locator.open()
            print(locator.path)
        }
    }

    /// `twitchcheck db build`.
    struct BuildCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the knowledge base from the schema and seeds, atomically.",
            discussion: """
            Uses the schema and seeds compiled into this binary, or those of a checkout with
            --from. The new file is written beside the destination and renamed into place,
            so readers never see a half-built database.
            """
        )

        @Option(name: .long, help: ArgumentHelp("Where to write the database (default: the path 'db path' prints).", valueName: "path"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("Build from the Schema/ and Seeds/ folders of this checkout instead.", valueName: "dir"))
        var from: String?

        func run() throws {
            let destination = output ?? DatabaseLocator(option: nil).path
            let bundle = try from.map { try SeedBundle.load(fromPackageRoot: URL(fileURLWithPath: $0)) } ?? EmbeddedSeeds.bundle()
            try KnowledgeBaseBuilder(bundle: bundle).build(at: URL(fileURLWithPath: destination))
            print(destination)
        }
    }
}
