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
          twitchcheck sql --file query.sql --format json
          printf "SELECT count(*) FROM drugs" | twitchcheck sql -

        A table caps each column at \(RowWriter.maxColumnWidth) characters and cuts longer values with "…"; csv, json and jsonl carry every value whole.
        """
    )

    // Parsed as "all unrecognised" so that a query may start with a dash: "-- expect: ..." is a
    // comment to SQLite, not an option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp(
        "The SQL query: one SELECT statement (it may start with a '--' comment); '-' reads it from standard input.",
        valueName: "query"))
    var query: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read the query from this file.", valueName: "path"))
    var file: String?

    @OptionGroup var output: RowOutputOptions

    @Option(name: .long, help: ArgumentHelp("Bind a named parameter (:NAME in the query); repeat for several.", valueName: "name=value"))
    var param: [String] = []

    @Option(name: .long, help: ArgumentHelp("Stop the query after this many seconds.", valueName: "seconds"))
    var timeout: Double = ReadOnlyQuery.defaultTimeout

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let option = query.first(where: { $0.range(of: "^--?[A-Za-z][A-Za-z0-9-]*(=.*)?$", options: .regularExpression) != nil }) {
            throw ValidationError("unknown option '\(option)'; the options are listed by: twitchcheck sql --help")
        }
        switch (query.count, file) {
        case (0, nil): throw ValidationError("give the query as one argument (quoted), '-' to read it from standard input, or --file PATH")
        case (1, nil), (0, _): break
        case (_, nil): throw ValidationError("give the query as one quoted argument: twitchcheck sql \"SELECT ...\"")
        default: throw ValidationError("give the query either as an argument or with --file, not both")
        }
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
        let sql = try readQuery()
        let knowledgeBase = try database.open()
        let writer = RowWriter(format: output.format) { try StandardOutput.write($0) }
        do {
            try ReadOnlyQuery(knowledgeBase: knowledgeBase, timeout: timeout)
                .stream(sql, parameters: parameters, columns: writer.begin, row: writer.add)
            try writer.finish()
        } catch let error as QueryError {
            throw CommandFailure("\(error)")
        }
    }

    /// The query from the argument, standard input ('-') or --file.
    private func readQuery() throws -> String {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw TwitchCheckError.inputUnreadable(path: file, reason: "no such file, or not readable")
            }
            return String(decoding: data, as: UTF8.self)
        }
        if query == ["-"] {
            return String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        return query[0]
    }
}
