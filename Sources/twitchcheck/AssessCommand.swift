import ArgumentParser
import Foundation
import TwitchCheckKit

/// `twitchcheck assess`: serotonin toxicity by the Hunter criteria, for a patient's medications and signs.
struct AssessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess serotonin toxicity by the Hunter criteria, from a medication list and the signs present.",
        discussion: """
        Applies the Hunter Serotonin Toxicity Criteria (Dunkley et al., QJM 2003) as published: with a serotonergic drug in the list, rules 1 to 5 are checked in order and the first that fires means serotonin toxicity. Also reports the list's serotonergic drugs, its findings, and its serotonergic load and tremor burden.

        The criteria were derived in overdose patients. They are a diagnostic aid for a patient who has these signs, not an interaction score for a medication list. This is not medical advice.

        Signs (repeat --sign for each sign present; any case, spaces or hyphens):
        \(HunterSign.helpList(width: 76).split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))

        Not accepted, because they could mean something else: clonus (say which kind), myoclonus, twitching or jerking (the criteria use clonus), restlessness (may be akathisia), shivering, fever (use --temperature).

        Examples:
          twitchcheck assess Zoloft tramadol --sign inducible-clonus --sign agitation
          twitchcheck assess phenelzine sertraline --sign hypertonia \\
              --sign ocular-clonus --temperature 38.6
          twitchcheck assess lithium --sign tremor --sign hyperreflexia --format json
        """
    )

    @Argument(help: ArgumentHelp("Medication names, as for 'check'.", valueName: "medication"))
    var medications: [String] = []

    @Option(name: .long, help: ArgumentHelp("A sign that is present; repeat for each (the signs are listed above).", valueName: "sign"))
    var sign: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Body temperature in °C (25–45); rule 5 needs more than 38.", valueName: "celsius"))
    var temperature: Double?

    @OptionGroup var output: ReportOutputOptions


    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if medications.isEmpty {
            throw ValidationError("give at least one medication: the Hunter criteria apply only after exposure to a serotonergic drug")
        }
        if medications.count > MedicationListReader.maxNames {
            throw ValidationError("the list has \(medications.count) names; assess takes at most \(MedicationListReader.maxNames)")
        }
        for (position, name) in medications.enumerated() {
            if let problem = MedicationListReader.problem(with: name) {
                throw ValidationError("medication \(position + 1): \(problem)")
            }
        }
        _ = try signs()
        if let temperature {
            do {
                try HunterCriteria.validate(temperatureCelsius: temperature)
            } catch let error as AssessmentInputError {
                throw ValidationError(error.description)
            }
        }
    }

    func run() throws {
        let knowledgeBase = try database.open()
        let checker = try MedicationChecker(knowledgeBase: knowledgeBase)
        let assessment = try SerotoninAssessor(checker: checker)
            .assess(medications, signs: try signs(), temperatureCelsius: temperature)
        switch output.format {
        case .fhir: throw ReportOutputOptions.fhirIsForCheckOnly
        case .json:
            try StandardOutput.print(ReportEncoding.json(assessment))
        case .text:
            let citations = try knowledgeBase.sources([HunterCriteria.sourceID] + assessment.check.citedSourceIDs)
            let renderer = AssessmentTextRenderer(
                style: output.style,
                citations: Dictionary(citations.map { ($0.id, $0.citation) }, uniquingKeysWith: { a, _ in a }),
                width: Terminal.outputWidth)
            try StandardOutput.write(renderer.render(assessment))
        }
    }

    /// The signs given, each `--sign` value split at commas.
    private func signs() throws -> Set<HunterSign> {
        do {
            return Set(try sign.flatMap { $0.split(separator: ",") }.map { try HunterSign.parse(String($0)) })
        } catch let error as AssessmentInputError {
            throw ValidationError(error.description)
        }
    }
}
