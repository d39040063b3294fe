import ArgumentParser
import TwitchCheckKit

/// The `--db` option every command that reads the knowledge base shares.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The knowledge base file to read (default: $TWITCHCHECK_DB, else a per-user copy built on first use).",
        valueName: "path"))
    var db: String?

    /// Where the knowledge base is; fails when there is no home folder to put the default in.
    var locator: DatabaseLocator { get throws { try DatabaseLocator(option: db) } }

    func open() throws -> KnowledgeBase { try locator.open() }
}
