/// How a batch file is laid out, found from its header or given by the user.
public enum BatchLayout: String, CaseIterable, Sendable {
    /// One row per prescription: patient, medication, optionally start and stop dates.
    case long
    /// One row per list: an id column and a column holding the medications, separated by `;` or `|`.
    case wide
}
