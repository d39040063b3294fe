import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck sql`: read-only SQL against the knowledge base.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL query against the knowledge base.",
        discussion: """
        One SELECT statement (or a reporting PRAGMA such as table_info) per call. Writes, ATTACH, setting PRAGMAs and load_extension are refused before the query runs (exit 2), and the database file is never changed. Tables and views, with a cookbook of queries, are documented in Schema/README.md; list them with "SELECT name, type FROM sqlite_master".

        Examples:
          twitchcheck sql "SELECT drug, severity FROM drugs_by_effect WHERE effect = 'tremor'"
          twitchcheck sql "SELECT other_drug, severity FROM drug_interactions WHERE drug = :d" --param d=sertraline
          twitchcheck sql "SELECT * FROM drug_name_list WHERE drug = 'albuterol'" --format csv
          twitchcheck sql "PRAGMA table_info(drug_risks)"
        """
    )

    @Argument(help: "The SQL query: one SELECT statement.")
    var query: String

    @OptionGroup var output: RowOutputOptions

    @Option(name: .long, help: ArgumentHelp("Bind a named parameter (:NAME in the query); repeat for several.", valueName: "name=value"))
    var param: [String] = []

    @Option(name: .long, help: ArgumentHelp("Stop the query after this many seconds.", valueName: "seconds"))
    var timeout: Double = ReadOnlyQuery.defaultTimeout

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        guard timeout > 0, timeout.isFinite else {
            throw ValidationError("--timeout takes a positive number of seconds, such as 10 or 0.5")
        }
        for binding in param where !binding.contains("=") || binding.hasPrefix("=") {
            throw ValidationError("--param takes NAME=VALUE (for :NAME in the query), not '\(binding)'")
        }
    }

    func run() throws {
        var parameters: [String: String] = [:]
        for binding in param {
            let equals = binding.firstIndex(of: "=")!
            var name = String(binding[..<equals])
            if name.hasPrefix(":") || name.hasPrefix("@") || name.hasPrefix("$") { name.removeFirst() }
            parameters[name] = String(binding[binding.index(after: equals)...])
        }
        let knowledgeBase = try database.open()
        do {
            let result = try ReadOnlyQuery(knowledgeBase: knowledgeBase, timeout: timeout).run(query, parameters: parameters)
            try output.print(result)
        } catch let error as QueryError {
            CommandFailure.exit("\(error)")
        }
    }
}
