import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck resolve`: medication strings in, the `medication_map` CSV out.
struct ResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Resolve medication strings to drugs: CSV medication,drug,matched_by,suggestions,unmatched_words,recognised.",
        discussion: """
        Reads one medication string per line (or, with --csv, the first column of a CSV file with a header) and writes a row per ingredient; a string that is not recognised gets one row with an empty drug and close names in 'suggestions'. Strings are trimmed of spaces and tabs and written once each, as 'batch' reads them. The output is the medication_map table that 'twitchcheck export''s findings.sql joins: in a warehouse, resolve the distinct strings once and broadcast the map.

        Exit status: 0 done; 2 a line could not be read (it is reported with file:line and has no row).

        Examples:
          printf 'Zoloft 50mg\\ntramadol\\n' | twitchcheck resolve
          twitchcheck resolve distinct_medications.txt > medication_map.csv
        """
    )

    @Argument(help: ArgumentHelp("A file of medication strings, or '-' for standard input (the default).", valueName: "file"))
    var input: String = "-"

    @Flag(name: .long, help: "Read the first column of a CSV file with a header, for strings that hold line breaks.")
    var csv = false

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let descriptor: Int32 = input == "-" ? STDIN_FILENO : open(input, O_RDONLY)
        guard descriptor >= 0 else {
            throw TwitchCheckError.inputUnreadable(path: input, reason: String(cString: strerror(errno)))
        }
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        let knowledgeBase = try database.open()
        let problems = try MedicationMapRun(resolver: MedicationResolver(knowledgeBase: knowledgeBase))
            .run(input: descriptor, origin: input == "-" ? "<stdin>" : input, csv: csv,
                 output: OutputSink(fileDescriptor: STDOUT_FILENO))
        if !problems.isEmpty {
            throw CommandFailure(ExportError.unreadableLines(problems).description)
        }
    }
}
