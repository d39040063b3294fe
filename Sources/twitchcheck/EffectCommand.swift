import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck effect`: which drugs can cause an effect.
struct EffectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "effect",
        abstract: "List the drugs that can cause an effect, grouped by class, with how common and how well established.",
        discussion: """
        EFFECT is one of: \(Effect.allCases.map(\.rawValue).joined(separator: ", ")), written any way people write it ("serotonin syndrome", "Tremors", "myoclonus", "TD"). --class takes a class id, name or abbreviation ("SSRI", "tricyclic antidepressants"). A drug is grouped under the class its risk is stated for, else its own class. Each line gives the worst severity a source states, how often it happens and how well it is established. This lists a drug's own risk; combinations are in 'drug NAME'. A drug that is not listed is not known to be safe: it may simply not be recorded.

        Examples:
          twitchcheck effect tremor
          twitchcheck effect "tardive dyskinesia" --min-severity major
          twitchcheck effect "serotonin syndrome" --class SSRI
          twitchcheck effect serotonin_syndrome --class antidepressant --format json
        """
    )

    @Argument(help: ArgumentHelp("The effect: serotonin syndrome, tremor, tardive dyskinesia or twitching (any case, spaces or hyphens).",
                                 valueName: "effect"))
    var effectName: String

    @Option(name: .long, help: ArgumentHelp("Only drugs at this severity or above (minor, moderate, major, contraindicated).", valueName: "severity"))
    var minSeverity: Severity?

    @Option(name: .customLong("class"), help: ArgumentHelp("Only drugs in this class, such as ssri or antipsychotic.", valueName: "class"))
    var drugClass: String?

    @OptionGroup var output: ReportOutputOptions


    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if LookupName.effect(effectName) == nil {
            throw ValidationError("'\(effectName)' is not an effect twitchcheck knows; use one of: "
                + Effect.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    func run() throws {
        guard let effect = LookupName.effect(effectName) else { return }
        let knowledgeBase = try database.open()
        var classID: String?
        if let drugClass {
            let classNames = try knowledgeBase.classNames()
            let matches = LookupName.classIDs(drugClass, classNames: classNames)
            switch matches.count {
            case 1: classID = matches[0]
            case 0:
                throw CommandFailure("there is no class '\(drugClass)'; the classes are: \(classNames.keys.sorted().joined(separator: ", "))")
            default:
                throw CommandFailure("'\(drugClass)' could mean several classes: \(matches.joined(separator: ", ")); give one of them")
            }
        }
        let report = try EffectReport.load(effect, minSeverity: minSeverity, inClass: classID, from: knowledgeBase)
        switch output.format {
        case .fhir: throw ReportOutputOptions.fhirIsForCheckOnly
        case .json: try StandardOutput.print(ReportEncoding.json(report))
        case .text: try StandardOutput.write(EffectReportRenderer(style: output.style).render(report))
        }
    }
}
