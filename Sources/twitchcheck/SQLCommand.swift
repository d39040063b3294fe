import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck sql`: read-only SQL against the knowledge base.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run a read-only SQL query against the knowledge base.",
        discussion: """
        The database is opened read-only; writes are refused. Tables and views are
        documented in Schema/README.md.

        Examples:
          twitchcheck sql "SELECT drug, severity FROM drugs_by_effect WHERE effect = 'tremor'"
          twitchcheck sql "SELECT other_drug, severity FROM drug_interactions WHERE drug = :d" --param d=sertraline
        """
    )

    @Argument(help: "The SQL query.")
    var query: String

    @Option(name: .long, help: "Output format.")
    var format: RowFormat = .table

    @Option(name: .long, help: ArgumentHelp("Bind a named parameter (:NAME in the query).", valueName: "name=value"))
    var param: [String] = []

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        var parameters: [String: String] = [:]
        for binding in param {
            guard let equals = binding.firstIndex(of: "=") else {
                throw ValidationError("--param takes NAME=VALUE, not '\(binding)'")
            }
            parameters[String(binding[..<equals])] = String(binding[binding.index(after: equals)...])
        }
        let knowledgeBase = try database.open()
        let result = try ReadOnlyQuery(knowledgeBase: knowledgeBase).run(query, parameters: parameters)
        print(RowPrinter(format: format).render(result), terminator: "")
    }
}

extension RowFormat: ExpressibleByArgument {}
