import Foundation
import Testing
@testable import TwitchCheckKit

/// `batch`'s fast paths give what the slow ones gave, byte for byte (issue 13): JSON Lines spliced
/// from pieces encoded once against `JSONEncoder` run on every patient's whole report, and the rule
/// pre-filter that skips pairs no rule can combine against checking every pair.
@Suite struct BatchFastPathParityTests {
    /// A deterministic generator, so a failure can be reproduced.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Names as exports write them (already CSV-quoted where they need it): RxNorm strings,
    /// interacting and washout pairs, a brand, names not recognised, a recognised name with a
    /// word left over, an ambiguous abbreviation, accents, full-width letters, a quote, a comma,
    /// a backslash, a tab.
    static let names = [
        "sertraline 50 MG Oral Tablet", "tramadol hydrochloride 50 MG Oral Tablet", "Phenelzine 15 MG Oral Tablet",
        "Haloperidol 5 MG Oral Tablet", "Metoclopramide 10 MG Oral Tablet", "Lithium Carbonate 300 MG Oral Capsule",
        "Acetaminophen 325 MG / Oxycodone Hydrochloride 5 MG Oral Tablet", "lisinopril 10 MG Oral Tablet",
        "Fluoxetine 20 MG Oral Capsule", "linezolid 600 MG Oral Tablet", "Zoloft", "amoxicillin",
        "\"phenelzine, oral\"", "xyzzyplex 20 MG", "tramadol xyzzq", "MS", "Sértraline 50 mg", "ｓｅｒｔｒａｌｉｎｅ",
        "\"tramadol \"\"50\"\" mg\"", "lithium\\carbonate", "\"sertraline\t25 mg\"", "24 HR venlafaxine 75 MG Extended Release Oral Capsule",
    ]
    static let patients = ["p1", "p2", "\"p\"\"3\"", "pé4", "p/5", "p\\6", "\"p,7\"", "p8", "p9", "p10", "p11", "p12"]
    static let dates = ["2020-01-05", "2020-02-10T08:00:00Z", "", "01/02/2020", "2021-02-29", "2019-12-31 10:00:00", "2020-03-01"]

    /// A scattered file: every row's patient drawn at random.
    static func scatteredFile(seed: UInt64, rows: Int, crlf: Bool, mark: Bool) -> [UInt8] {
        var random = SplitMix(state: seed)
        var text = mark ? "\u{FEFF}" : ""
        text += "PATIENT,DESCRIPTION,START,STOP\n"
        for _ in 0..<rows {
            text += "\(patients.randomElement(using: &random)!),\(names.randomElement(using: &random)!),"
                + "\(dates.randomElement(using: &random)!),\(dates.randomElement(using: &random)!)" + (crlf ? "\r\n" : "\n")
        }
        return Array(text.utf8)
    }

    @Test(arguments: [(1, false, false), (2, true, false), (3, false, true), (4, true, true)])
    func splicedJSONLinesMatchTheEncoderOnScatteredInput(seed: Int, crlf: Bool, mark: Bool) throws {
        let bytes = Self.scatteredFile(seed: UInt64(seed), rows: 400, crlf: crlf, mark: mark)
        for minimum in [Severity.minor, .moderate, .major] {
            var options = BatchOptions()
            options.format = .jsonl
            options.minimumSeverity = minimum
            var reference = options
            reference.encodesEveryPatient = true
            for path in [ReadPath.whole, .halves] {
                let fast = try path.run(bytes, options: options)
                let slow = try path.run(bytes, options: reference)
                #expect(!fast.output.isEmpty)
                #expect(fast.output == slow.output, "seed \(seed) crlf \(crlf) mark \(mark) \(minimum) \(path)")
                #expect(fast.summary.render() == slow.summary.render())
            }
        }
    }

    /// Burden scores are made by the line writer from each drug's points, not by ``BurdenScale/score(_:effect:worstSeverity:)``:
    /// for random lists drawn from every drug that adds to either burden (sets of one to nine, so
    /// notes, capped tremor levels and sets too large for a packed key all come up), the lines
    /// match the encoder's, at every minimum severity, and also when few or no scores are kept for reuse.
    @Test func burdenScoresMatchTheEncoderForEveryContributingDrug() throws {
        let knowledgeBase = TestKnowledgeBase.shared
        let relevant = try knowledgeBase.relevantDrugIDs().sorted()
        let strengths = try knowledgeBase.serotonergicStrengths(of: relevant)
        let tremorRisks = try knowledgeBase.tremorRisks(of: relevant)
        let contributing = relevant.filter { strengths[$0] != nil || tremorRisks[$0] != nil }
        #expect(contributing.count > 30)
        var random = SplitMix(state: 21)
        var text = "PATIENT,DESCRIPTION\n"
        for patient in 0..<600 {
            for _ in 0..<(1 + Int(random.next() % 9)) {
                text += "p\(patient),\(contributing[Int(random.next() % UInt64(contributing.count))])\n"
            }
        }
        let bytes = Array(text.utf8)
        var notes = 0
        for minimum in [Severity.minor, .major] {
            var options = BatchOptions()
            options.format = .jsonl
            options.minimumSeverity = minimum
            var reference = options
            reference.encodesEveryPatient = true
            let fast = try ReadPath.whole.run(bytes, options: options)
            let slow = try ReadPath.whole.run(bytes, options: reference)
            #expect(fast.output == slow.output, "\(minimum)")
            notes += fast.output.components(separatedBy: #""notable":true"#).count - 1
            // With no score kept, or only the first few, each line still has its own.
            for kept in [0, 5_000] {
                var capped = options
                capped.keptScoreBytes = kept
                #expect(try ReadPath.whole.run(bytes, options: capped).output == slow.output, "\(minimum), \(kept) bytes of scores kept")
            }
        }
        #expect(notes > 100)
    }

    /// A finding's JSON, written field by field, is the encoder's: for every drug's own findings and
    /// every combining pair's findings the knowledge base makes, with and without an overlap date,
    /// and for texts that need escaping.
    @Test func findingsAreWrittenAsTheEncoderWritesThem() throws {
        let checker = TestKnowledgeBase.checker
        let drugs = try checker.knowledgeBase.relevantDrugIDs().sorted()
        let riskChecker = try checker.riskChecker.preloading(drugs)
        var findings: [Finding] = []
        for drug in drugs { findings += try riskChecker.findings(for: [drug]) }
        let sides = try drugs.map { try riskChecker.ruleSides(of: $0) }
        for (index, a) in drugs.enumerated() {
            for other in (index + 1)..<drugs.count {
                let (x, y) = (sides[index], sides[other])
                guard x.left.indices.contains(where: { x.left[$0] & y.right[$0] | y.left[$0] & x.right[$0] != 0 }) else { continue }
                findings += try riskChecker.findings(for: [a, drugs[other]]).filter { $0.kind == .combination }
            }
        }
        findings.append(Finding(kind: .combination, effect: .tremor, severity: .major, evidence: .probable,
                                drugs: ["a \"quoted\" drug", "back\\slash/é"], summary: "tab\there, line\nbreak \u{1F} ≥ 2",
                                mechanism: "ｍ", management: "", sources: [], rule: "r\"1", frequency: .veryCommon,
                                movementDisorder: "akathisia"))
        #expect(findings.filter { $0.kind == .combination }.count > 100)
        #expect(findings.contains { $0.mechanism != nil } && findings.contains { $0.rule != nil } && findings.contains { $0.frequency != nil })
        for finding in findings {
            let (head, tail) = try RenderedFindingTable.jsonParts(finding)
            for overlap in [nil, "2020-01-05"] as [String?] {
                let expected = try ReportEncoding.jsonLine(BatchFinding(finding: finding, overlapStart: overlap))
                let value = overlap.map { "\"\($0)\"" } ?? "null"
                #expect(String(decoding: head + Array(value.utf8) + tail, as: UTF8.self) == expected, "\(finding.drugs) \(finding.effect)")
            }
        }
    }

    /// Strings the splicer writes itself must be what the encoder writes: printable ASCII as is,
    /// everything else through the encoder.
    @Test func stringsAreWrittenAsTheEncoderWritesThem() throws {
        let samples = ["plain", "with \"quote\"", "back\\slash", "a/b", "tab\there", "line\nbreak", "é", "\u{7F}", "\u{1F}",
                       "\u{2028}", "ｓ", "", " spaced "]
        for sample in samples {
            let expected = String(try ReportEncoding.jsonLine([sample]).dropFirst().dropLast())
            #expect(String(decoding: try PatientJSONLineWriter.string(sample), as: UTF8.self) == expected, "\(sample)")
        }
    }

    /// A pair the rule pre-filter skips has no combination finding when checked in full.
    @Test func pairsTheRulePreFilterSkipsHaveNoCombinationFindings() throws {
        let checker = TestKnowledgeBase.checker
        let known = ["sertraline", "tramadol", "phenelzine", "haloperidol", "metoclopramide", "linezolid", "lithium",
                     "fluoxetine", "oxycodone", "ondansetron", "amitriptyline", "selegiline", "valproic acid"]
        let relevant = try checker.knowledgeBase.relevantDrugIDs().sorted()
        let drugs = Array(Set(known.filter(relevant.contains) + relevant.prefix(40))).sorted()
        let riskChecker = try checker.riskChecker.preloading(drugs)
        let sides = try Dictionary(uniqueKeysWithValues: drugs.map { ($0, try riskChecker.ruleSides(of: $0)) })
        var combining = 0
        for (index, a) in drugs.enumerated() {
            for b in drugs[(index + 1)...] {
                var candidates: [Int] = []
                for (word, (x, y)) in zip(zip(sides[a]!.left, sides[a]!.right), zip(sides[b]!.left, sides[b]!.right)).enumerated() {
                    let combine = x.0 & y.1 | y.0 & x.1
                    for bit in 0..<64 where combine & (1 << UInt64(bit)) != 0 { candidates.append(word * 64 + bit) }
                }
                let all = try riskChecker.findings(for: [a, b]).filter { $0.kind == .combination }
                #expect(!candidates.isEmpty || all.isEmpty, "\(a) + \(b) has a combination the pre-filter would skip")
                if !all.isEmpty { combining += 1 }
            }
        }
        #expect(combining > 10)
    }

    /// The interning table gives each distinct string one id, in first-seen order, through many
    /// growths, for empty strings, strings differing in one byte and strings of every length.
    @Test func internedStringsKeepTheirIdsThroughGrowth() {
        var table = ByteStringTable(expectedCount: 4)
        var random = SplitMix(state: 9)
        var expected: [[UInt8]: Int] = [:]
        var order: [[UInt8]] = []
        for _ in 0..<20_000 {
            let length = Int(random.next() % 40)
            var key = [UInt8](repeating: 0x61, count: length)
            if length > 0 { key[Int(random.next() % UInt64(length))] = UInt8(0x61 + random.next() % 3) }
            let (id, isNew) = key.withUnsafeBytes { table.intern($0) }
            if let known = expected[key] {
                #expect(id == known && !isNew)
            } else {
                #expect(id == order.count && isNew)
                expected[key] = id
                order.append(key)
            }
        }
        #expect(table.count == order.count)
        for (id, key) in order.enumerated() { #expect(table.withBytes(id) { Array($0) } == key) }
    }

    /// The pair table answers as a dictionary keyed by the unordered pair would, in either order,
    /// through many growths, for pairs of a drug with itself and ids past 16 bits.
    @Test func drugPairTableAnswersAsADictionary() {
        var table = DrugPairTable<Int32>(filler: 0)
        var expected: [Set<Int32>: Int32] = [:]
        var random = SplitMix(state: 13)
        for step in 0..<30_000 {
            let a = Int32(random.next() % (step % 2 == 0 ? 300 : 100_000))
            let b = Int32(random.next() % 300)
            let key: Set<Int32> = [a, b]
            if let known = expected[key] {
                #expect(table[b, a] == known)
            } else {
                #expect(table[a, b] == nil)
                table.set(a, b, to: Int32(step))
                expected[key] = Int32(step)
            }
        }
        for (key, value) in expected {
            let pair = Array(key)
            #expect(table[pair[0], pair.last!] == value && table[pair.last!, pair[0]] == value)
        }
    }

    /// A patient's medications come back distinct and ascending, however many and however
    /// repeated, and the lists of later readers join the first's under the new numbers.
    @Test func patientMedicationListsKeepEachPatientsDistinctMedications() {
        var lists = PatientMedicationLists()
        for round in 0..<3 {
            for medication in stride(from: 39, through: 0, by: -1) { lists.insert(patient: 0, medication: Int32(medication)) }
            lists.insert(patient: 2, medication: Int32(5 + round % 2))
        }
        var grouped = lists
        grouped.group(patientCount: 3)
        var result: [Int] = []
        grouped.medications(of: 0, into: &result)
        #expect(result == Array(0..<40))
        grouped.medications(of: 1, into: &result)
        #expect(result.isEmpty)
        grouped.medications(of: 2, into: &result)
        #expect(result == [5, 6])
        var later = PatientMedicationLists()
        later.insert(patient: 0, medication: 1)
        later.insert(patient: 1, medication: 0)
        lists.absorb(&later, patientMap: [2, 7], medicationMap: [3, 6])
        var third = PatientMedicationLists()
        third.insert(patient: 0, medication: 0)
        lists.absorb(&third, patientMap: [8], medicationMap: [4])
        lists.group(patientCount: 10)
        lists.medications(of: 2, into: &result)
        #expect(result == [5, 6])
        lists.medications(of: 7, into: &result)
        #expect(result == [3])
        lists.medications(of: 8, into: &result)
        #expect(result == [4])
        lists.medications(of: 9, into: &result)
        #expect(result.isEmpty)
    }

    /// A patient id goes into a JSON line as it is only when every byte is printable ASCII other
    /// than a quote or backslash: the test of eight bytes at a time agrees with the byte-by-byte
    /// rule for every byte value at every position of ids of 1 to 17 bytes.
    @Test func plainPatientIdsAreTestedEightBytesAtATimeAsByteByByte() {
        let byByte = { (bytes: [UInt8]) in bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E && $0 != 0x22 && $0 != 0x5C } }
        for length in 1...17 {
            for position in 0..<length {
                for value in UInt8.min...UInt8.max {
                    var id = [UInt8](repeating: 0x61, count: length)
                    id[position] = value
                    let fast = id.withUnsafeBytes { PatientJSONLineWriter.isPlain($0) }
                    #expect(fast == byByte(id), "byte \(value) at \(position) of \(length)")
                }
            }
        }
    }

    /// A spilled partition's spans sorted by counting their patients, then coalesced, are the
    /// spans the in-place sort gives: patients with one span, a few, and hundreds (past the
    /// insertion sort), repeated starts, touching and open-ended spans.
    @Test func spansSortedByCountingPatientsMatchTheInPlaceSort() {
        var random = SplitMix(state: 29)
        for round in 0..<40 {
            let patientCount = 1 + Int(random.next() % 300)
            var spans: [PrescriptionInterval] = []
            for _ in 0..<Int(random.next() % 3000) {
                // Patient 0 collects a long run of spans in some rounds.
                let patient = round % 4 == 0 && random.next() % 3 == 0 ? 0 : Int32(random.next() % UInt64(patientCount))
                let start = random.next() % 10 == 0 ? PrescriptionInterval.openStart : Int32(random.next() % 400)
                let stop = random.next() % 10 == 0 ? PrescriptionInterval.ongoing
                    : (start == PrescriptionInterval.openStart ? 0 : start) + Int32(random.next() % 30)
                spans.append(PrescriptionInterval(patient: patient, drug: Int32(random.next() % 6), start: start, stop: stop))
            }
            var inPlace = spans
            IntervalSorter.sort(&inPlace)
            IntervalSorter.coalesce(&inPlace)
            var counted = spans
            IntervalSorter.sort(&counted, patientCount: patientCount)
            IntervalSorter.coalesce(&counted)
            let key = { (span: PrescriptionInterval) in [span.patient, span.drug, span.start, span.stop] }
            #expect(counted.map(key) == inPlace.map(key), "round \(round)")
        }
    }
}
