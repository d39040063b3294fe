/// A clinical sign the Hunter Serotonin Toxicity Criteria use (Dunkley et al., QJM 2003).
///
/// The raw values are the ids `assess --sign` takes. Everyday words are accepted only where
/// they can mean one sign and nothing else; words that could mean another sign, or a feature
/// the criteria do not use, are refused with the reason (see ``HunterSign/refusedWords``).
public enum HunterSign: String, CaseIterable, Codable, Sendable, Comparable {
    case spontaneousClonus = "spontaneous-clonus"
    case inducibleClonus = "inducible-clonus"
    case ocularClonus = "ocular-clonus"
    case agitation
    case diaphoresis
    case tremor
    case hyperreflexia
    case hypertonia

    /// How the sign reads in a sentence.
    public var displayName: String {
        switch self {
        case .spontaneousClonus: "spontaneous clonus"
        case .inducibleClonus: "inducible clonus"
        case .ocularClonus: "ocular clonus"
        case .agitation: "agitation"
        case .diaphoresis: "diaphoresis"
        case .tremor: "tremor"
        case .hyperreflexia: "hyperreflexia"
        case .hypertonia: "hypertonia"
        }
    }

    /// Other words accepted for the sign, in folded form (lowercase, words joined by '-').
    public var synonyms: [String] {
        switch self {
        case .spontaneousClonus: []
        case .inducibleClonus: ["induced-clonus"]
        case .ocularClonus: ["eye-clonus"]
        case .agitation: ["agitated"]
        case .diaphoresis: ["sweating", "sweats", "sweaty", "diaphoretic"]
        case .tremor: ["tremors", "trembling", "shaking"]
        case .hyperreflexia: ["hyperreflexic", "brisk-reflexes", "overactive-reflexes"]
        case .hypertonia: ["hypertonic", "rigidity", "muscle-rigidity", "stiffness", "muscle-stiffness"]
        }
    }

    /// Words people use that are not accepted as a sign, with what to give instead.
    public static let refusedWords: [String: String] = {
        let clonus = "say which clonus: spontaneous-clonus, inducible-clonus or ocular-clonus (the rules differ)"
        let myoclonus = "the Hunter criteria use clonus, not myoclonus or twitching; if the jerks are clonus, "
            + "give spontaneous-clonus, inducible-clonus or ocular-clonus"
        let fever = "give the measured temperature with --temperature C instead"
        return [
            "clonus": clonus,
            "ankle-clonus": clonus,
            "myoclonus": myoclonus,
            "spontaneous-myoclonus": myoclonus,
            "twitching": myoclonus,
            "twitches": myoclonus,
            "jerking": myoclonus,
            "jerks": myoclonus,
            "restlessness": "restlessness may be akathisia rather than agitation; give agitation if the patient is agitated",
            "restless": "restlessness may be akathisia rather than agitation; give agitation if the patient is agitated",
            "shivering": "shivering is a Sternbach feature, not a Hunter sign; give tremor only if it is a tremor",
            "opsoclonus": "opsoclonus is not ocular clonus; give ocular-clonus for the slow, continuous side-to-side "
                + "eye movements of serotonin toxicity",
            "fever": fever,
            "pyrexia": fever,
            "hyperthermia": fever,
            "temperature": fever,
        ]
    }()

    /// The sign a word stands for: an id or an accepted synonym, in any case, with spaces,
    /// hyphens or underscores between words. Throws with the valid signs otherwise.
    public static func parse(_ text: String) throws -> HunterSign {
        let folded = fold(text)
        if let sign = allCases.first(where: { $0.rawValue == folded || $0.synonyms.contains(folded) }) {
            return sign
        }
        if let reason = refusedWords[folded] {
            throw AssessmentInputError.refusedSign(text, reason: reason)
        }
        throw AssessmentInputError.unknownSign(text)
    }

    /// The signs with their accepted synonyms, one sign a line (wrapped to `width`), for `--help`.
    public static func helpList(width: Int = 76) -> String {
        let column = 20
        var lines: [String] = []
        for sign in allCases {
            // Plain Swift, not Foundation's padding and replacing: every command's start pays for this text.
            var line = sign.rawValue + String(repeating: " ", count: max(0, column - sign.rawValue.count))
            let words = sign.synonyms.map { String($0.map { $0 == "-" ? " " : $0 }) }
            for (index, word) in words.enumerated() {
                let piece = (index == 0 ? "also: " : "") + word + (index < words.count - 1 ? "," : "")
                if line.count + piece.count + 1 > width, index > 0 {
                    lines.append(line)
                    line = String(repeating: " ", count: column + 6)
                } else if index > 0 {
                    line += " "
                }
                line += piece
            }
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// Lowercase, with every run of spaces, hyphens and underscores turned into one '-'.
    static func fold(_ text: String) -> String {
        text.lowercased()
            .split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" || $0 == "\t" })
            .joined(separator: "-")
    }

    public static func < (lhs: HunterSign, rhs: HunterSign) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
