/// One problem a knowledge-base check found: which check, the row it is about, and what to fix.
public struct AuditProblem: Codable, Sendable, Equatable {
    /// The id of the ``AuditCheck`` that found it.
    public let check: String
    public let level: AuditCheck.Level
    /// The table the problem row is in.
    public let table: String
    /// The row's key (for example a rule id, or `drug in class`).
    public let key: String
    /// What is wrong with the row and what to do about it.
    public let message: String
}
