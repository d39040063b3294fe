/// How a typed medication name was matched to drugs (`matched_by` in the JSON contract).
public enum MatchKind: String, Codable, CaseIterable, Sendable {
    /// The US generic name.
    case generic
    /// A trade name.
    case brand
    /// An international (INN/BAN) or other name.
    case synonym
    /// A clinical-drug string with strength and dose form, such as RxNorm writes.
    case rxnorm
    /// One ingredient of a combination product; the medication resolved to several drugs.
    case ingredient
}
