import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck drug`: everything the knowledge base holds about one drug.
struct DrugCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drug",
        abstract: "Show everything known about one drug: names, classes, own risks and combination rules.",
        discussion: """
        NAME is read like a name in 'check': brand or generic, any case, with or without dose and form ("Zoloft", "SERTRALINE HCL 50 MG"). A combination product shows each ingredient. A name that is not recognised is an error (exit 2) with suggestions.

        For each combination rule the other side is shown; when it is a class, every drug of the class is listed, so the list answers "what does this interact with?".

        Examples:
          twitchcheck drug sertraline
          twitchcheck drug Ventolin
          twitchcheck drug "Zoloft 50mg" --format json
        """
    )

    @Argument(help: ArgumentHelp("The drug, by any name it is known by.", valueName: "name"))
    var name: String

    @OptionGroup var output: ReportOutputOptions


    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let knowledgeBase = try database.open()
        let drugIDs: [String]
        switch try MedicationResolver(knowledgeBase: knowledgeBase).resolve(name) {
        case .recognized(let medication):
            drugIDs = medication.drugs
        case .unrecognized(let unknown):
            let hint = unknown.suggestions.isEmpty
                ? "check the spelling, or try the generic name"
                : "did you mean: \(unknown.suggestions.joined(separator: ", "))?"
            throw CommandFailure("'\(name)' is not recognised as a drug in the knowledge base; \(hint)")
        }
        let profiles = try drugIDs.compactMap { try DrugProfile.load($0, from: knowledgeBase) }
        switch output.format {
        case .fhir: throw ReportOutputOptions.fhirIsForCheckOnly
        case .json:
            // One object for one drug; an array for a combination product's ingredients.
            try StandardOutput.print(profiles.count == 1 ? try ReportEncoding.json(profiles[0]) : try ReportEncoding.json(profiles))
        case .text:
            let renderer = DrugProfileRenderer(style: output.style)
            try StandardOutput.write(profiles.map(renderer.render).joined(separator: "\n"))
        }
    }
}
