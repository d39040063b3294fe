import Foundation
import GRDB

/// Turns errors from SQLite, GRDB and Foundation into what failed, in words a user can act on.
///
/// Their own texts ("Error Domain=NSCocoaErrorDomain Code=4", "use Database.execute(sql:)")
/// describe the library's internals, not the user's problem, so they never reach the user.
public enum ErrorExplanation {
    /// The message for an error twitchcheck knows, or nil for one it does not (argument parsing's own).
    ///
    /// twitchcheck's own errors (``TwitchCheckError``, ``QueryError``, `BatchError` and any other
    /// error type of this library or the command) are written for people and say themselves.
    public static func message(for error: Error) -> String? {
        switch error {
        case let error as DatabaseError: return "cannot read the knowledge base: \(reason(for: error))"
        case let error as CocoaError: return reason(for: error)
        case let error as POSIXError: return String(cString: strerror(error.code.rawValue))
        default:
            let module = String(reflecting: type(of: error)).prefix { $0 != "." }
            guard ownModules.contains(String(module)), let described = error as? CustomStringConvertible else { return nil }
            return described.description
        }
    }

    /// The modules whose errors are written for users.
    static let ownModules: Set<String> = ["TwitchCheckKit", "twitchcheck"]

    /// The message for an error nothing else explains: no internal text, only what to do.
    public static func unexpected(_ error: Error) -> String {
        "an unexpected internal error (\(type(of: error))) stopped the command; "
            + "please report it with the command you ran"
    }

    /// Why something failed, as a phrase to follow "cannot ...: ".
    public static func reason(for error: Error) -> String {
        switch error {
        case let error as DatabaseError: reason(for: error)
        case let error as CocoaError: reason(for: error)
        default: message(for: error) ?? unexpected(error)
        }
    }

    /// Why a SQLite operation failed, without GRDB's wording or the SQL it ran.
    public static func reason(for error: DatabaseError) -> String {
        let message = error.message ?? ""
        switch error.resultCode {
        case .SQLITE_MISUSE where message.hasPrefix("Multiple statements found"):
            return "give one statement per call; this text holds more than one (remove everything after the first ';')"
        case .SQLITE_ERROR where message == "empty statement":
            return "the query is empty; give one SELECT statement"
        case .SQLITE_NOTADB:
            return "it is not a SQLite database"
        case .SQLITE_CORRUPT:
            return "the file is damaged"
        case .SQLITE_CANTOPEN:
            return "the file cannot be opened (missing, a folder, or not readable)"
        case .SQLITE_PERM, .SQLITE_AUTH:
            return "permission denied"
        case .SQLITE_NOMEM:
            return "out of memory"
        case .SQLITE_FULL:
            return "the disk is full"
        case .SQLITE_IOERR:
            return "the file could not be read (an input/output error)"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return "the file is locked by another program; try again when it is done"
        case .SQLITE_INTERRUPT:
            return "the query was stopped"
        case .SQLITE_TOOBIG:
            return "a value is too large"
        case .SQLITE_READONLY:
            return "the file is read-only"
        default:
            // SQLite's own messages ("no such table: drugs") name the problem plainly.
            return message.isEmpty ? "SQLite result code \(error.resultCode.rawValue)" : message
        }
    }

    /// Why a file operation failed, with the file's path when the error knows it.
    public static func reason(for error: CocoaError) -> String {
        let path = error.filePath ?? error.url?.path
        return path.map { "\($0): \(problem(error))" } ?? problem(error)
    }

    /// Why a file operation failed, in words, without the path ("permission denied").
    public static func problem(_ error: CocoaError) -> String {
        switch error.code {
        case .fileNoSuchFile, .fileReadNoSuchFile: "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteOutOfSpace: "no space left on the device"
        case .fileWriteFileExists: "it already exists"
        case .fileWriteVolumeReadOnly: "the file system is read-only"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding, .fileReadCorruptFile: "it is not valid UTF-8 text"
        case .fileReadTooLarge: "it is too large"
        default:
            if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
                String(cString: strerror(Int32(underlying.code)))
            } else {
                "the file operation failed (code \(error.code.rawValue))"
            }
        }
    }
}
