/// The outcome of resolving one typed medication name.
public enum Resolution: Sendable, Equatable {
    case recognized(ResolvedMedication)
    case unrecognized(UnrecognizedMedication)
}
