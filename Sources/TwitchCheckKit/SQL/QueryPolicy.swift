import GRDBSQLite

/// What a person's SQL may do: read tables and views, call ordinary functions, and run
/// PRAGMAs that only report. Everything else is refused while the statement is compiled.
///
/// SQLite asks the policy about every action a statement would take
/// (<https://www.sqlite.org/c3ref/set_authorizer.html>); a refusal makes compilation fail,
/// so a refused statement never runs at all.
public enum QueryPolicy {
    /// PRAGMAs that report and may take a table, index or schema name as their argument.
    static let reportingPragmasWithArgument: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo",
        "foreign_key_list", "foreign_key_check", "integrity_check", "quick_check",
    ]

    /// PRAGMAs that report when given no value (and would change a setting when given one).
    static let reportingPragmas: Set<String> = reportingPragmasWithArgument.union([
        "user_version", "schema_version", "application_id", "page_count", "page_size", "encoding",
        "foreign_keys", "query_only", "freelist_count", "data_version", "compile_options",
        "collation_list", "database_list", "function_list", "module_list", "pragma_list",
    ])

    /// SQL functions that could reach outside the database file.
    static let refusedFunctions: Set<String> = ["load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"]

    /// The statement each schema-changing action stands for.
    static let schemaStatements: [Int32: String] = [
        SQLITE_CREATE_INDEX: "CREATE INDEX", SQLITE_CREATE_TABLE: "CREATE TABLE", SQLITE_CREATE_TEMP_INDEX: "CREATE INDEX",
        SQLITE_CREATE_TEMP_TABLE: "CREATE TEMP TABLE", SQLITE_CREATE_TEMP_TRIGGER: "CREATE TRIGGER",
        SQLITE_CREATE_TEMP_VIEW: "CREATE TEMP VIEW", SQLITE_CREATE_TRIGGER: "CREATE TRIGGER", SQLITE_CREATE_VIEW: "CREATE VIEW",
        SQLITE_CREATE_VTABLE: "CREATE VIRTUAL TABLE", SQLITE_DROP_INDEX: "DROP INDEX", SQLITE_DROP_TABLE: "DROP TABLE",
        SQLITE_DROP_TEMP_INDEX: "DROP INDEX", SQLITE_DROP_TEMP_TABLE: "DROP TABLE", SQLITE_DROP_TEMP_TRIGGER: "DROP TRIGGER",
        SQLITE_DROP_TEMP_VIEW: "DROP VIEW", SQLITE_DROP_TRIGGER: "DROP TRIGGER", SQLITE_DROP_VIEW: "DROP VIEW",
        SQLITE_DROP_VTABLE: "DROP VIRTUAL TABLE",
    ]

    /// Whether a refusal is SQLite's own bookkeeping of a schema change rather than the statement a person wrote.
    static func isSchemaBookkeeping(_ refusal: String) -> Bool {
        refusal.hasSuffix(" sqlite_master") || refusal.hasSuffix(" sqlite_temp_master")
    }

    /// Nil when the action is allowed, else what is refused, in words ("ATTACH", "INSERT into drugs").
    ///
    /// `first` and `second` are the action's details as SQLite reports them: for a PRAGMA its
    /// name and value, for a function nothing and its name, for a table write the table name.
    public static func refusal(action: Int32, _ first: String?, _ second: String?) -> String? {
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return nil
        case SQLITE_UPDATE where first == "sqlite_master" || first == "sqlite_temp_master":
            // SQLite reports this while it sets up a table-valued PRAGMA such as pragma_table_info('drugs').
            // A person's own UPDATE of the schema table is refused by SQLite itself and by the read-only checks.
            return nil
        case SQLITE_FUNCTION:
            let name = (second ?? "").lowercased()
            return refusedFunctions.contains(name) ? "the function \(name)()" : nil
        case SQLITE_PRAGMA:
            let name = (first ?? "").lowercased()
            if reportingPragmasWithArgument.contains(name) { return nil }
            if second == nil, reportingPragmas.contains(name) { return nil }
            return second.map { "PRAGMA \(name) = \($0)" } ?? "PRAGMA \(name)"
        case SQLITE_ATTACH: return "ATTACH"
        case SQLITE_DETACH: return "DETACH"
        case SQLITE_INSERT: return "INSERT into \(first ?? "a table")"
        case SQLITE_UPDATE: return "UPDATE of \(first ?? "a table")"
        case SQLITE_DELETE: return "DELETE from \(first ?? "a table")"
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT: return "a transaction statement"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE"
        case SQLITE_ANALYZE: return "ANALYZE"
        case SQLITE_REINDEX: return "REINDEX"
        default:
            if let statement = schemaStatements[action] {
                return [statement, first].compactMap { $0 }.joined(separator: " ")
            }
            return "this kind of statement (SQLite action \(action))"
        }
    }
}
