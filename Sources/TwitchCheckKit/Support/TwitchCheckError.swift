/// The errors twitchcheck reports to a person; each says what went wrong, where, and what to do.
public enum TwitchCheckError: Error, Equatable, CustomStringConvertible {
    case seedFolderMissing(String)
    case seedRow(path: String, line: Int, message: String)
    case databaseMissing(path: String)
    case databaseUnreadable(path: String, reason: String)
    case databaseOutdated(path: String, found: String)
    case inputUnreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .seedFolderMissing(let path):
            "no schema or seed files at \(path); run from a checkout of twitchcheck or omit --from to use the built-in knowledge base"
        case .seedRow(let path, let line, let message):
            "\(path):\(line): \(message)"
        case .databaseMissing(let path):
            "no knowledge base at \(path); create one with 'twitchcheck db build --output \(path)', or omit --db to use the default"
        case .databaseUnreadable(let path, let reason):
            "cannot open the knowledge base at \(path): \(reason); rebuild it with 'twitchcheck db build --output \(path)'"
        case .databaseOutdated(let path, let found):
            "\(path) is not a twitchcheck knowledge base of this version (\(found)); rebuild it with 'twitchcheck db build --output \(path)'"
        case .inputUnreadable(let path, let reason):
            "cannot read \(path): \(reason)"
        }
    }
}
