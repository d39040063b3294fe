/// The points and thresholds of the serotonergic load and the tremor burden (documented in Schema/BURDEN.md).
///
/// In the spirit of anticholinergic-burden scores: each drug scores 3 (strong) or 1 (weak)
/// towards an effect, and the list's total says how much the drugs add up. A single drug
/// never makes a note, because its own risk is already a finding; the burden speaks to
/// accumulation, such as three weakly serotonergic drugs that no pair rule flags.
public enum BurdenScale {
    /// Points for a strong contribution.
    public static let strong = 3
    /// Points for a weak contribution.
    public static let weak = 1
    /// A total at or above this, from at least ``minimumDrugsForNote`` drugs and at a level of
    /// `moderate` or more, makes a note.
    public static let noteThreshold = 3
    /// How many drugs must contribute before a total makes a note.
    public static let minimumDrugsForNote = 2
    /// One line on the scale, carried in the JSON so the numbers can be read without the docs.
    public static let summary = "per drug 3 = strong, 1 = weak; levels by total: 0 none, 1-2 low, 3-5 moderate, "
        + "6+ high, tremor no higher than its worst own risk allows (minor: low, moderate: moderate); "
        + "a note at 3+ from two or more drugs when the level is moderate or high (Schema/BURDEN.md)"

    /// Serotonergic points: 3 for class `serotonergic`, 1 for `weakly_serotonergic`.
    public static func points(for strength: SerotonergicStrength) -> (points: Int, reason: String) {
        switch strength {
        case .strong: (strong, "serotonergic (class serotonergic)")
        case .weak: (weak, "weakly serotonergic (class weakly_serotonergic)")
        }
    }

    /// Tremor points: 3 for an own tremor risk that is moderate or worse, or common or more
    /// frequent; 1 for any other (minor, and rare or of unstated frequency).
    public static func points(for risk: TremorRisk) -> (points: Int, reason: String) {
        let frequency = risk.frequency == .unknown ? "" : ", \(String(risk.frequency.rawValue.map { $0 == "_" ? " " : $0 }))"
        let reason = "own tremor risk: \(risk.severity.rawValue)\(frequency)"
        let frequent = risk.frequency == .common || risk.frequency == .veryCommon
        return (risk.severity >= .moderate || frequent ? strong : weak, reason)
    }

    /// The highest level a burden may take when the worst own risk behind it is `severity`: the
    /// level never says more than the findings do, so drugs whose tremor is each minor make at
    /// most a `low` burden, however many there are.
    public static func ceiling(for severity: Severity) -> BurdenLevel {
        switch severity {
        case .minor: .low
        case .moderate: .moderate
        case .major, .contraindicated: .high
        }
    }

    /// Totals the contributions, sets the level (no higher than ``ceiling(for:)`` of `worstSeverity`,
    /// when the contributions come from risks with a severity), and writes the note when the total deserves one.
    public static func score(_ contributions: [BurdenContribution], effect: Effect, worstSeverity: Severity? = nil) -> BurdenScore {
        let ordered = contributions.sorted { precedes(($0.drug, $0.points), ($1.drug, $1.points)) }
        let total = ordered.reduce(0) { $0 + $1.points }
        let level = level(total: total, worstSeverity: worstSeverity)
        let notable = isNotable(total: total, drugCount: ordered.count, level: level)
        var note: String?
        if notable {
            let frame = noteFrame(effect: effect, total: total, level: level, drugCount: ordered.count, worstSeverity: worstSeverity)
            note = Self.note(frame, items: ordered.map { noteItem(drug: $0.drug, points: $0.points) })
        }
        return BurdenScore(total: total, level: level, notable: notable, drugs: ordered, note: note)
    }

    /// The order of a score's drugs: most points first, then by name.
    public static func precedes(_ first: (drug: String, points: Int), _ second: (drug: String, points: Int)) -> Bool {
        first.points != second.points ? first.points > second.points : first.drug < second.drug
    }

    /// The level of a total, no higher than ``ceiling(for:)`` of `worstSeverity` when there is one.
    public static func level(total: Int, worstSeverity: Severity?) -> BurdenLevel {
        min(BurdenLevel(total: total), worstSeverity.map(ceiling(for:)) ?? .high)
    }

    /// Whether a total deserves a note: a low level makes none, as it would only repeat minor findings.
    public static func isNotable(total: Int, drugCount: Int, level: BurdenLevel) -> Bool {
        total >= noteThreshold && drugCount >= minimumDrugsForNote && level >= .moderate
    }

    /// A note is `lead`, then each drug as ``noteItem(drug:points:)`` in the score's order,
    /// separated by ``noteSeparator``, then `tail`. (`batch` keeps the frames and writes the items
    /// itself: a file can have tens of thousands of drug sets.)
    public static func noteFrame(effect: Effect, total: Int, level: BurdenLevel, drugCount: Int,
                                 worstSeverity: Severity?) -> (lead: String, tail: String) {
        switch effect {
        case .serotoninSyndrome:
            return ("Serotonergic load \(total) (\(level.rawValue)) from \(drugCount) drugs (",
                    "): serotonergic effects add up across a list, including drugs that no pair rule flags. Watch for "
                        + "agitation, sweating, tremor, jerks and fever, especially after a new drug or a dose increase.")
        default:
            // Say why the level is lower than the total alone would make it.
            let capped = level < BurdenLevel(total: total)
                ? worstSeverity.map { "; no drug's own tremor risk is worse than \($0.rawValue)" } ?? "" : ""
            return ("Tremor burden \(total) (\(level.rawValue)\(capped)) from \(drugCount) drugs (",
                    "): several drugs that cause tremor add up, so a new or worse tremor may come from the list as a whole.")
        }
    }

    /// One drug in a note's list.
    public static func noteItem(drug: String, points: Int) -> String {
        "\(drug) \(points)"
    }

    /// What separates the drugs of a note's list.
    public static let noteSeparator = ", "

    /// A note from its frame and its items, in the score's order.
    public static func note(_ frame: (lead: String, tail: String), items: [String]) -> String {
        frame.lead + items.joined(separator: noteSeparator) + frame.tail
    }
}
