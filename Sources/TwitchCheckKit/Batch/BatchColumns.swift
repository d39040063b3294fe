/// The columns a batch run reads, by position in the header.
public struct BatchColumns: Sendable, Equatable {
    public let layout: BatchLayout
    public let patient: Int
    public let medication: Int
    public let start: Int?
    public let stop: Int?
    /// The header as read, for messages.
    public let header: [String]

    /// Finds the columns: names given by the user win, then the names EHR exports use
    /// (Synthea: PATIENT, DESCRIPTION, START, STOP; MIMIC-III: SUBJECT_ID, DRUG, STARTDATE, ENDDATE).
    /// A column to be read whose name the header holds twice is refused: which one holds the data is a guess.
    public static func find(in header: [String], layout requested: BatchLayout?, patient: String?, medication: String?,
                            start: String?, stop: String?) throws -> BatchColumns {
        let folded = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        func position(_ given: String?, _ known: [String], role: String, option: String) throws -> Int? {
            let index: Int
            if let given {
                guard let found = folded.firstIndex(of: given.trimmingCharacters(in: .whitespaces).lowercased()) else {
                    throw BatchError.columnNotFound(role: role, name: given, header: header)
                }
                index = found
            } else {
                guard let found = known.lazy.compactMap({ folded.firstIndex(of: $0) }).first else { return nil }
                index = found
            }
            let positions = folded.indices.filter { folded[$0] == folded[index] }
            guard positions.count == 1 else {
                throw BatchError.duplicateColumn(role: role, name: header[index], positions: positions.map { $0 + 1 },
                                                 option: option, chosen: given != nil)
            }
            return index
        }
        let listColumn = try position(requested == .wide ? medication : nil, Self.listNames, role: "medication list", option: "--medication-column")
        let longColumn = try position(requested == .wide ? nil : medication, Self.medicationNames, role: "medication", option: "--medication-column")
        let layout = requested ?? (longColumn == nil && listColumn != nil ? .wide : .long)
        guard let medicationColumn = layout == .wide ? listColumn : longColumn else {
            throw BatchError.missingColumn(
                role: layout == .wide ? "medication list" : "medication",
                lookedFor: layout == .wide ? Self.listNames : Self.medicationNames,
                option: "--medication-column", header: header)
        }
        guard let patientColumn = try position(patient, Self.patientNames, role: "patient", option: "--patient-column") else {
            throw BatchError.missingColumn(role: "patient", lookedFor: Self.patientNames, option: "--patient-column", header: header)
        }
        let startColumn = layout == .long ? try position(start, Self.startNames, role: "start date", option: "--start-column") : nil
        let stopColumn = layout == .long ? try position(stop, Self.stopNames, role: "stop date", option: "--stop-column") : nil
        return BatchColumns(layout: layout, patient: patientColumn, medication: medicationColumn,
                            start: startColumn, stop: stopColumn, header: header)
    }

    static let patientNames = ["patient", "patient_id", "patientid", "subject_id", "person_id", "mrn", "member_id", "id", "list_id"]
    static let medicationNames = ["description", "drug", "medication", "medication_name", "drug_name", "medicine", "name"]
    static let listNames = ["medications", "meds", "medication_list", "drugs", "medicines"]
    static let startNames = ["start", "startdate", "start_date", "starttime", "start_time", "date_start"]
    static let stopNames = ["stop", "enddate", "end_date", "stop_date", "stopdate", "end", "endtime", "end_time", "date_end"]
}
