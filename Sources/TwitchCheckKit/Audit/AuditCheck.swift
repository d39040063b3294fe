import GRDB

/// One check of the knowledge base's data: an id, what it looks for, what to fix, and how to find offending rows.
///
/// Like a lint rule, each check carries its own description; `twitchcheck db check` and the
/// test suite run every one of ``KnowledgeBaseAudit/checks``.
public struct AuditCheck: Sendable {
    /// Whether a problem fails `db check` (error) or is only reported (warning).
    public enum Level: String, Codable, Sendable {
        case error
        case warning
    }

    /// A row a check found: its table, its key, and what is wrong with it.
    public struct Finding: Sendable, Equatable {
        public let table: String
        public let key: String
        public let detail: String
    }

    /// A stable id, such as `rule-without-clear-example`.
    public let id: String
    public let level: Level
    /// What the check looks for, in one sentence.
    public let summary: String
    /// What to do about a problem, said once for every row found.
    public let fix: String
    let find: @Sendable (Database) throws -> [Finding]

    /// A check whose offending rows come from `sql`, which selects `table`, `key` and `detail`.
    public init(id: String, level: Level = .error, summary: String, fix: String, sql: String) {
        self.init(id: id, level: level, summary: summary, fix: fix) { db in
            try Row.fetchAll(db, sql: sql).map { Finding(table: $0["table"], key: $0["key"], detail: $0["detail"]) }
        }
    }

    /// A check whose offending rows come from code.
    public init(id: String, level: Level = .error, summary: String, fix: String,
                find: @escaping @Sendable (Database) throws -> [Finding]) {
        self.id = id
        self.level = level
        self.summary = summary
        self.fix = fix
        self.find = find
    }

    /// Runs the check and returns one problem per offending row.
    public func run(_ db: Database) throws -> [AuditProblem] {
        try find(db).map { finding in
            AuditProblem(check: id, level: level, table: finding.table, key: finding.key, message: "\(finding.detail); \(fix)")
        }
    }
}
