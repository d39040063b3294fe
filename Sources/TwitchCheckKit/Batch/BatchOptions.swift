/// What a batch run reads and reports.
public struct BatchOptions: Sendable {
    public enum OutputFormat: String, CaseIterable, Sendable {
        /// One row per finding, plus `unrecognized` rows.
        case csv
        /// One JSON object per patient, the shape of `check --format json` plus `patient`.
        case jsonl
    }

    public var format: OutputFormat = .csv
    public var layout: BatchLayout?
    public var patientColumn: String?
    public var medicationColumn: String?
    public var startColumn: String?
    public var stopColumn: String?
    /// For the wide layout; nil splits on `;` or `|`, whichever the field holds.
    public var listSeparator: UInt8?
    /// Findings below this severity are left out of the output (they still count in the summary).
    public var minimumSeverity: Severity = .minor
    /// The longest row accepted, in bytes; a longer row is reported and skipped.
    public var maxRowBytes = 1 << 20
    /// A regular file at least this large is read as two halves on two threads; smaller files
    /// and standard input are read whole. Both paths give the same output (tests set it low to run both).
    public var splitThreshold = 8 << 20
    /// Runs `JSONEncoder` on every patient's whole report instead of splicing pieces encoded once:
    /// the slow reference path that the JSON Lines parity test compares with.
    var encodesEveryPatient = false
    /// How many bytes of burden scores JSON Lines keeps for reuse, one for each set of contributing
    /// drugs met; past it, a new set's score is made for its line and let go. At 10M scattered rows
    /// the scores of 1.4M patients grew to 39 MB, and the pool briefly held twice that as it grew,
    /// which took the run to 146 MB (issue 13's bound is 150). Tests set it to 0.
    var keptScoreBytes = 16 << 20
    /// When rows are spilled to temporary files by patient hash (``BatchChecker``); tests set it tiny.
    var spill = SpillPolicy()

    public init() {}
}
