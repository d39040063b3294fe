import ArgumentParser
import TwitchCheckKit

/// The `--db` option every command that reads the knowledge base shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The knowledge base file to read (default: $TWITCHCHECK_DB, else a per-user copy built on first use).",
        valueName: "path"))
    var db: String?

    var locator: DatabaseLocator { DatabaseLocator(option: db) }

    func open() throws -> KnowledgeBase { try locator.open() }
}
