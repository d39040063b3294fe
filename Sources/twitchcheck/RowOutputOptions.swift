import ArgumentParser
import TwitchCheckKit

/// `--format table|csv|json|jsonl`: the output options every command that prints rows shares.
struct RowOutputOptions: ParsableArguments {
    @Option(name: .long, help: "Output format: table for people; csv, json (one array) or jsonl (one object per line) for scripts.")
    var format: RowFormat = .table

    /// Prints rows in the chosen format, through the same streaming writer as `sql`.
    func print(_ result: QueryResult) throws {
        try RowWriter(format: format) { try StandardOutput.write($0) }.write(result)
    }
}

