// libFuzzer target: MedicationResolver and NameNormalizer over arbitrary text.
//
// Built by Fuzz/run.sh with the resolver's source files; the lookup is an in-memory table
// built from a small name list, so no database or GRDB is needed.
// Invariants checked on every input (the bytes decoded as UTF-8, invalid sequences replaced):
//   - no crash, no hang, no out-of-bounds access (Swift bounds checks); resolving never throws;
//   - a key has no upper-case ASCII, no apostrophe, no leading, trailing or doubled space;
//   - a recognised name keeps its input, has at least one drug, no drug twice, and only drugs
//     from the table;
//   - an unrecognised name keeps its input and has at most five suggestions, each a name in the table.
import Foundation

private let table: [(name: String, drugs: [String], kind: MatchKind)] = [
    ("sertraline", ["sertraline"], .generic), ("Zoloft", ["sertraline"], .brand),
    ("tramadol", ["tramadol"], .generic), ("Ultram", ["tramadol"], .brand),
    ("St. John's wort", ["st_johns_wort"], .generic), ("hypericum", ["st_johns_wort"], .synonym),
    ("albuterol", ["albuterol"], .generic), ("salbutamol", ["albuterol"], .synonym), ("Ventolin", ["albuterol"], .brand),
    ("potassium chloride", ["potassium_chloride"], .generic), ("lithium", ["lithium"], .generic),
    ("5-HTP", ["oxitriptan"], .synonym), ("D5W", ["dextrose"], .generic),
    ("Percocet", ["acetaminophen", "oxycodone"], .brand), ("acetaminophen", ["acetaminophen"], .generic),
    ("paracetamol", ["acetaminophen"], .synonym), ("oxycodone", ["oxycodone"], .generic),
    ("métoclopramide", ["metoclopramide"], .synonym), ("metoclopramide", ["metoclopramide"], .generic),
    ("dextromethorphan", ["dextromethorphan"], .generic), ("a b c d e f", ["alphabet"], .synonym),
]

private let entries: [NameEntry] = table.map { NameEntry(key: NameNormalizer.key($0.name), meaning: .drugs($0.drugs, $0.kind)) }
private let knownDrugs = Set(table.flatMap(\.drugs))
private let knownNames = Set(table.map(\.name))

/// The in-memory stand-in for the knowledge base's name index: every name whose key is the
/// word or starts with the word and a space.
private let resolver = MedicationResolver(
    namesStarting: { words in
        var found: [String: [NameEntry]] = [:]
        for word in words {
            found[word] = entries.filter { $0.words.first == word }
        }
        return found
    },
    suggestableNames: { table.map { (NameNormalizer.key($0.name), $0.name, $0.kind) } })

private func check(_ input: String) {
    let key = NameNormalizer.key(input)
    precondition(!key.utf8.contains(where: { (0x41...0x5A).contains($0) || $0 == 0x27 }), "key \(key.debugDescription)")
    precondition(!key.hasPrefix(" ") && !key.hasSuffix(" ") && !key.contains("  "), "key \(key.debugDescription)")
    precondition(NameNormalizer.tokens(input).joined(separator: " ") == key)
    let resolution: Resolution
    do {
        resolution = try resolver.resolve(input)
    } catch {
        fatalError("resolve threw: \(error)")
    }
    switch resolution {
    case .recognized(let medication):
        precondition(medication.input == input)
        precondition(!medication.drugs.isEmpty)
        precondition(Set(medication.drugs).count == medication.drugs.count, "a drug twice: \(medication.drugs)")
        precondition(medication.drugs.allSatisfy(knownDrugs.contains), "unknown drug in \(medication.drugs)")
    case .unrecognized(let unknown):
        precondition(unknown.input == input)
        precondition(unknown.suggestions.count <= 5)
        precondition(unknown.suggestions.allSatisfy(knownNames.contains), "unknown suggestion in \(unknown.suggestions)")
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    guard let start, count <= 4096 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: start, count: count)
    check(String(decoding: bytes, as: UTF8.self))
    return 0
}
