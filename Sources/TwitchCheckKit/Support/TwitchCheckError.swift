/// The errors twitchcheck reports to a person; each says what went wrong, where, and what to do.
public enum TwitchCheckError: Error, Equatable, CustomStringConvertible {
    case seedFolderMissing(String)
    case seedRow(path: String, line: Int, message: String)
    case databaseMissing(path: String)
    case databaseUnreadable(path: String, reason: String)
    case databaseOutdated(path: String, found: String)
    case inputUnreadable(path: String, reason: String)
    /// A report could not be written (a full disk, a closed descriptor).
    case outputUnwritable(destination: String, reason: String)
    /// A read of the knowledge base failed, ran past its time limit or returned a value past the size limit.
    case databaseRead(path: String, reason: String)
    /// The default knowledge base's folder or file cannot be made, or could be changed by someone else.
    case untrustedLocation(path: String, reason: String)
    /// Neither HOME nor the password database gives a home folder for the default knowledge base.
    case noHomeFolder
    /// `db build --output` named a file that is not a twitchcheck knowledge base.
    case refusedOverwrite(path: String, reason: String)

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
        case .outputUnwritable(let destination, let reason):
            "cannot write to \(destination): \(reason)"
        case .databaseRead(let path, let reason):
            "cannot read the knowledge base at \(path): \(reason); if it is not a file twitchcheck built, "
                + "rebuild it with 'twitchcheck db build --output \(path)', or omit --db and TWITCHCHECK_DB to use the default"
        case .untrustedLocation(let path, let reason):
            "cannot use \(path) for the default knowledge base: \(reason), "
                + "or pass --db PATH (or set TWITCHCHECK_DB) to a knowledge base you built"
        case .noHomeFolder:
            "cannot place the default knowledge base: HOME is not set and the account has no home folder; "
                + "pass --db PATH, or set TWITCHCHECK_DB to a knowledge base file or XDG_DATA_HOME to a folder of your own"
        case .refusedOverwrite(let path, let reason):
            "will not overwrite \(path): it is not a twitchcheck knowledge base (\(reason)); "
                + "choose another --output path, or remove the file first if it is meant to go"
        }
    }
}
