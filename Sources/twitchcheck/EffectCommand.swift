import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck effect`: which drugs can cause an effect.
struct EffectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effect",
        abstract: "List the drugs that can cause an effect, grouped by class, with how common and how well established.",
        discussion: """
        EFFECT is one of: serotonin_syndrome, tremor, tardive_dyskinesia, twitching. A drug is grouped under the class its risk is stated for, else its own class. Each line gives the worst severity a source states, how often it happens and how well it is established. This lists a drug's own risk; combinations are in 'drug NAME'. A drug that is not listed is not known to be safe: it may simply not be recorded.

        Examples:
          twitchcheck effect tremor
          twitchcheck effect tardive_dyskinesia --min-severity major
          twitchcheck effect serotonin_syndrome --class antidepressant --format json
        """
    )

    @Argument(help: ArgumentHelp("serotonin_syndrome, tremor, tardive_dyskinesia or twitching.", valueName: "effect"))
    var effect: Effect

    @Option(name: .long, help: ArgumentHelp("Only drugs at this severity or above (minor, moderate, major, contraindicated).", valueName: "severity"))
    var minSeverity: Severity?

    @Option(name: .customLong("class"), help: ArgumentHelp("Only drugs in this class, such as ssri or antipsychotic.", valueName: "class"))
    var drugClass: String?

    @OptionGroup var output: ReportOutputOptions


    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let knowledgeBase = try database.open()
        if let drugClass, try !knowledgeBase.hasClass(drugClass) {
            CommandFailure.exit("there is no class '\(drugClass)'; list the classes with: twitchcheck sql \"SELECT id, name FROM classes\"")
        }
        let report = try EffectReport.load(effect, minSeverity: minSeverity, inClass: drugClass, from: knowledgeBase)
        switch output.format {
        case .fhir: throw ReportOutputOptions.fhirIsForCheckOnly
        case .json: print(try ReportEncoding.json(report))
        case .text: print(EffectReportRenderer(style: output.style).render(report), terminator: "")
        }
    }
}

extension Effect: ExpressibleByArgument {}
