import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck db`: where the knowledge base is, building it, describing it and checking it.
struct DatabaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Locate, build, describe or check the knowledge base.",
        discussion: """
        The knowledge base is a SQLite file built from Schema/ and Seeds/. Every command but 'db build' opens it read-only.

        Examples:
          twitchcheck db path
          twitchcheck db info
          twitchcheck db check
          twitchcheck db build --output kb.sqlite
        """,
        subcommands: [PathCommand.self, BuildCommand.self, InfoCommand.self, AuditCommand.self]
    )

    /// `twitchcheck db path`.
    struct PathCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "Print the path of the knowledge base in use (building the default one if it is missing).",
            discussion: """
            Use it to query the database directly; the sqlite3 shell sees the same tables and views as 'twitchcheck sql'.

            Examples:
              twitchcheck db path
              sqlite3 "$(twitchcheck db path)" ".tables"
            """
        )

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let locator = try database.locator
            _ = try locator.open()
            try StandardOutput.print(locator.path)
        }
    }

    /// `twitchcheck db build`.
    struct BuildCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "build",
            abstract: "Build the knowledge base from the schema and seeds, atomically.",
            discussion: """
            Uses the schema and seeds compiled into this binary, or those of a checkout with --from. The new file is written beside the destination and renamed into place, so readers never see a half-built database. An existing file is replaced only if it is a twitchcheck knowledge base (or empty); anything else is refused (exit 2).

            Examples:
              twitchcheck db build
              twitchcheck db build --output kb.sqlite
              twitchcheck db build --from . --output kb.sqlite
            """
        )

        @Option(name: .long, help: ArgumentHelp("Where to write the database (default: the path 'db path' prints).", valueName: "path"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("Build from the Schema/ and Seeds/ folders of this checkout instead.", valueName: "dir"))
        var from: String?

        func run() throws {
            let locator = try DatabaseLocator(option: output)
            let bundle = try from.map { try SeedBundle.load(fromPackageRoot: URL(fileURLWithPath: $0)) } ?? EmbeddedSeeds.bundle()
            try locator.rebuild(from: bundle)
            try StandardOutput.print(locator.path)
        }
    }

    /// `twitchcheck db info`.
    struct InfoCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Describe the knowledge base: schema version, seed digest, build date, sources and rows per table.",
            discussion: """
            Prints one item per row, in the same formats as 'sql'.

            Examples:
              twitchcheck db info
              twitchcheck db info --format json
            """
        )

        @OptionGroup var output: RowOutputOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            try output.print(KnowledgeBaseSummary(knowledgeBase: database.open()).rows)
        }
    }

    /// `twitchcheck db check`.
    struct AuditCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check the knowledge base's data and file; exit 1 when a check fails.",
            discussion: """
            Runs every data check (a fact with no source, a name that means two drugs, a rule with no 'flags' or 'clear' example, an ATC code that contradicts its class, a class with no drugs, a drug with no name, a source nothing cites) and SQLite's PRAGMA integrity_check and foreign_key_check. Each problem is printed with its check, table and key, and what to fix.

            Exit status: 0 no errors (warnings are printed but do not fail); 1 a check found an error; 2 the database could not be opened.

            Examples:
              twitchcheck db check
              twitchcheck db check --format json
              twitchcheck db check --db kb.sqlite --format csv
            """
        )

        @OptionGroup var output: RowOutputOptions
        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let problems = try KnowledgeBaseAudit(knowledgeBase: database.open()).run()
            let rows = problems.map { problem -> [QueryValue] in
                [.text(problem.level.rawValue), .text(problem.check), .text(problem.table), .text(problem.key), .text(problem.message)]
            }
            let errors = problems.filter { $0.level == .error }.count
            if output.format == .table {
                if !problems.isEmpty {
                    try output.print(QueryResult(columns: ["level", "check", "table", "key", "problem"], rows: rows))
                    try StandardOutput.print("")
                }
                let checks = KnowledgeBaseAudit.checks.count
                try StandardOutput.print(errors == 0
                      ? "OK: \(checks) checks passed" + (problems.isEmpty ? "." : " (\(problems.count) warning(s)).")
                      : "FAILED: \(errors) error(s), \(problems.count - errors) warning(s) from \(checks) checks.")
            } else {
                try output.print(QueryResult(columns: ["level", "check", "table", "key", "problem"], rows: rows))
            }
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
