/// Why a person's query was refused or failed; each message says what to do instead.
public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// The query would write, attach a database, change a setting or load code.
    case refused(String)
    /// SQLite could not compile or run the query; the message is SQLite's own.
    case sqlite(String)
    /// The query ran longer than its time limit and was interrupted.
    case timedOut(seconds: Double)
    /// One value is larger than SQLite's length limit.
    case valueTooLarge(bytes: Int)
    /// The rows together are larger than ``ReadOnlyQuery/maxResultBytes``.
    case resultTooLarge(bytes: Int)
    /// A `:NAME` parameter of the query was given no value, or a value was given for no parameter.
    case parameters(String)
    /// The text holds more than one statement.
    case multipleStatements
    /// The text holds no statement at all (nothing, or only comments).
    case empty

    public var description: String {
        switch self {
        case .refused(let what):
            "refused: \(what) is not allowed; the knowledge base is read-only, and 'sql' runs only SELECT "
                + "queries and read-only PRAGMAs (to change the data, edit Seeds/ and run 'twitchcheck db build')"
        case .sqlite(let message):
            "SQL error: \(message)"
        case .timedOut(let seconds):
            "the query ran longer than \(Self.format(seconds)) seconds and was stopped; "
                + "narrow it with WHERE or LIMIT, or allow more time with --timeout SECONDS"
        case .valueTooLarge(let bytes):
            "a value is larger than \(Self.size(bytes)), the most one value may hold; "
                + "shorten it with substr(), or select something smaller"
        case .resultTooLarge(let bytes):
            "the result is larger than \(Self.size(bytes)) and was stopped; select fewer rows (LIMIT) or columns"
        case .parameters(let message):
            "\(message); bind each :NAME of the query with --param NAME=VALUE"
        case .multipleStatements:
            "the query holds more than one statement; run one statement at a time (one 'twitchcheck sql' per SELECT)"
        case .empty:
            "the query holds no statement (only spaces or comments); give one SELECT statement"
        }
    }

    private static func size(_ bytes: Int) -> String {
        ReadLimits.describe(bytes: bytes)
    }

    private static func format(_ seconds: Double) -> String {
        seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
    }
}
