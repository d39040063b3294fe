import Foundation
import TestScratch
import Testing

/// Hostile input to `check`, `batch`, `sql`, `assess` and `drug`: each run ends with a clear
/// message (with file:line where there is one) and DESIGN.md's exit code, never a crash or a hang.
///
/// Big inputs are generated in a temporary directory at test time. Every run has a timeout
/// that kills the process and fails the test.
@Suite struct HostileInputTests {
    /// Generous for a debug build on a busy machine; a hang is what it catches.
    static let timeout = 60.0

    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> CommandRunner.Result {
        try CommandRunner.run(arguments, input: input, environment: environment, timeout: timeout)
    }

    /// Runs like ``run(_:input:environment:)`` under GNU time and returns the run's own peak
    /// resident size in MiB as well (nil where /usr/bin/time is missing; `.ci/run` installs it).
    /// Measured per run, so another test's large child can never be counted against this one.
    static func runMeasuringMemory(_ arguments: [String], input: String? = nil) throws -> (CommandRunner.Result, Int?) {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/time") else { return (try run(arguments, input: input), nil) }
        let report = try directory().appending(path: "time.txt")
        let result = try CommandRunner.run(arguments, input: input, timeout: timeout,
                                           launcher: ["/usr/bin/time", "-f", "%M", "-o", report.path])
        let kilobytes = try String(contentsOf: report, encoding: .utf8)
            .split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        return (result, kilobytes.map { $0 / 1024 })
    }

    /// Memory stays bounded: well under what a 20 MB input read whole, and copied, would take.
    static let memoryLimitMiB = 256

    /// A new temporary directory for one test's files.
    static func directory() throws -> URL {
        let url = TestScratch.root.appending(path: "twitchcheck-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ bytes: some Sequence<UInt8>, named name: String, in directory: URL) throws -> String {
        let url = directory.appending(path: name)
        try Data(bytes).write(to: url)
        return url.path
    }

    static func write(_ text: String, named name: String, in directory: URL) throws -> String {
        try write(Array(text.utf8), named: name, in: directory)
    }

    /// Deterministic pseudo-random bytes (no seed file is committed).
    static func garbage(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 33)
        }
    }

    /// The runner's own guard: a run past its timeout is killed and the test fails, not hangs.
    @Test func aRunPastItsTimeoutIsKilled() throws {
        let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        let started = Date()
        #expect(throws: CommandRunner.TimedOut.self) {
            try CommandRunner.run(["sql", endless, "--timeout", "600"], timeout: 2)
        }
        #expect(Date().timeIntervalSince(started) < 30)
    }

    // MARK: - check

    @Test func checkRefusesEmptyAndCommentOnlyListsWithExitTwo() throws {
        let folder = try Self.directory()
        for (name, text) in [("empty.txt", ""), ("comments.txt", "# medications\n\n   \n")] {
            let result = try Self.run(["check", "--file", Self.write(text, named: name, in: folder)])
            #expect(result.status == 2)
            #expect(result.stderr.contains("the medication list is empty"))
        }
        let stdin = try Self.run(["check", "-"], input: "")
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains("the medication list is empty"))
    }

    @Test func checkNamesTheLineOfInvalidUTF8AndBinaryGarbage() throws {
        let folder = try Self.directory()
        let mixed = try Self.write(Array("sertraline\n".utf8) + [0xFF, 0xFE, 0x41, 0x0A] + Array("tramadol\n".utf8),
                                   named: "mixed.txt", in: folder)
        let result = try Self.run(["check", "--file", mixed])
        #expect(result.status == 2)
        #expect(result.stderr.contains("mixed.txt:2: the line is not valid UTF-8"), "\(result.stderr)")
        #expect(result.stdout.isEmpty, "a list with an unreadable line is not half-checked")

        let binary = try Self.write(Self.garbage(count: 100_000), named: "garbage.bin", in: folder)
        let garbage = try Self.run(["check", "--file", binary])
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("garbage.bin:"), "\(garbage.stderr)")
    }

    @Test func checkRefusesOversizedListsNamesAndFiles() throws {
        let folder = try Self.directory()
        // 50,000 names: more than one list may hold.
        let names = (0..<50_000).map { $0 % 3 == 0 ? "drug\($0)x" : ["sertraline", "tramadol"][$0 % 2] }
        let listFile = try Self.write(names.joined(separator: "\n") + "\n", named: "list.txt", in: folder)
        let list = try Self.run(["check", "--file", listFile])
        #expect(list.status == 2)
        #expect(list.stderr.contains("the list has 50000 names; check takes at most 1000"), "\(list.stderr)")
        let stdin = try Self.run(["check", "-"], input: names.joined(separator: "\n"))
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains("the list has 50000 names"))

        // A 100,000-character name, as an argument and as a line.
        let long = String(repeating: "abcdefg ", count: 12_500)
        let argument = try Self.run(["check", "sertraline", long])
        #expect(argument.status == 2)
        #expect(argument.stderr.contains("medication 2: the name is 100000 bytes long; a name is at most 1000 bytes"), "\(argument.stderr)")
        let line = try Self.run(["check", "--file", Self.write("tramadol\n" + long + "\n", named: "long.txt", in: folder)])
        #expect(line.status == 2)
        #expect(line.stderr.contains("long.txt:2: the name is"), "\(line.stderr)")

        // A 20 MB field: the file is refused before it is read whole.
        let huge = try Self.write([UInt8](repeating: 0x61, count: 20_000_000), named: "huge.txt", in: folder)
        let (big, peak) = try Self.runMeasuringMemory(["check", "--file", huge])
        #expect(big.status == 2)
        #expect(big.stderr.contains("huge.txt: it is larger than 1 MiB"), "\(big.stderr)")
        #expect((peak ?? 0) < Self.memoryLimitMiB)
    }

    @Test func checkRefusesEmptyNamesAndControlCharacters() throws {
        let empty = try Self.run(["check", "sertraline", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("medication 2: the name is empty"))
        let blank = try Self.run(["check", "  "])
        #expect(blank.status == 2)
        let escape = try Self.run(["check", "sertraline\u{1B}[31m"])
        #expect(escape.status == 2)
        #expect(escape.stderr.contains("medication 1: the name contains a control character (U+001B)"), "\(escape.stderr)")
        #expect(!escape.stdout.contains("\u{1B}"))
        let fromFile = try Self.run(["check", "-"], input: "tramadol\nser\u{07}traline\n")
        #expect(fromFile.status == 2)
        #expect(fromFile.stderr.contains("<stdin>:2: the name contains a control character (U+0007)"), "\(fromFile.stderr)")
        // A tab inside a name is ordinary white space.
        #expect(try Self.run(["check", "sertraline\t50 mg"]).status == 0)
    }

    @Test func checkReportsMissingFilesAndDirectories() throws {
        let missing = try Self.run(["check", "--file", "/nonexistent/meds.txt"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read /nonexistent/meds.txt: no such file"))
        let directory = try Self.run(["check", "--file", Self.directory().path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("it is a directory"))
    }

    // MARK: - batch

    @Test func batchEmptyHeaderOnlyAndGarbageInputs() throws {
        let folder = try Self.directory()
        let empty = try Self.run(["batch", Self.write("", named: "empty.csv", in: folder)])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("is empty"), "\(empty.stderr)")

        let headerOnly = try Self.run(["batch", Self.write("PATIENT,DESCRIPTION\n", named: "header.csv", in: folder)])
        #expect(headerOnly.status == 0)
        #expect(headerOnly.stdout == "patient,kind,effect,severity,drugs,overlap_start,summary,evidence,rule,sources\r\n")
        #expect(headerOnly.stderr.contains("0 rows, 0 patients"))

        let binary = try Self.run(["batch", Self.write(Self.garbage(count: 200_000), named: "garbage.bin", in: folder)])
        #expect(binary.status == 2)
        #expect(binary.stderr.contains("no medication column in the header") || binary.stderr.contains("no patient column"),
                "\(binary.stderr.prefix(300))")

        let missing = try Self.run(["batch", "/nonexistent/rx.csv"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("/nonexistent/rx.csv"))
    }

    @Test func batchSkipsABadRowWithItsLineAndChecksTheNext() throws {
        let folder = try Self.directory()
        var bytes = Array("PATIENT,DESCRIPTION\np1,sertraline\np1,\"unterminated\n".utf8)
        bytes += Array("p2,".utf8) + [0xFF, 0xFE, 0x0A]
        bytes += Array("p2,sertra\u{01}line\np2,sertraline\np2,tramadol\n".utf8)
        let path = try Self.write(bytes, named: "mixed.csv", in: folder)
        let result = try Self.run(["batch", path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("mixed.csv:3: a quoted field is never closed"), "\(result.stderr)")
        #expect(result.stderr.contains("mixed.csv:4: invalid UTF-8"), "\(result.stderr)")
        #expect(result.stdout.contains("p2,combination,serotonin_syndrome,major,sertraline+tramadol"), "the rows after the bad ones are checked")
        #expect(result.stderr.contains("1 × sertra\\u{01}line"), "a control character is shown escaped: \(result.stderr)")
        #expect(!result.stderr.contains("\u{01}"))
        let strict = try Self.run(["batch", path, "--strict", "--quiet"])
        #expect(strict.status == 2)
    }

    @Test func batchSkipsATwentyMegabyteFieldAndAFiftyThousandNameList() throws {
        let folder = try Self.directory()
        var long = Array("PATIENT,DESCRIPTION\np1,".utf8)
        long += [UInt8](repeating: 0x61, count: 20_000_000)
        long += Array("\np2,sertraline\np2,tramadol\n".utf8)
        let (longResult, longPeak) = try Self.runMeasuringMemory(["batch", Self.write(long, named: "field.csv", in: folder)])
        #expect(longResult.status == 0)
        #expect(longResult.stderr.contains("field.csv:2: the row is longer than 1048576 bytes; it was skipped"), "\(longResult.stderr)")
        #expect(longResult.stdout.contains("p2,combination,serotonin_syndrome"))

        let names = (0..<50_000).map { $0 % 2 == 0 ? "name\($0)" : "sertraline" }
        let wide = "id,medications\nw1," + names.joined(separator: ";") + "\nw2,sertraline;tramadol\n"
        let (wideResult, widePeak) = try Self.runMeasuringMemory(["batch", Self.write(wide, named: "wide.csv", in: folder)])
        #expect(wideResult.status == 0)
        #expect(wideResult.stderr.contains("wide.csv:2: the list has 50000 names; a row holds at most 1000; the row was skipped"),
                "\(wideResult.stderr)")
        #expect(wideResult.stdout.contains("w2,combination,serotonin_syndrome"))
        #expect((longPeak ?? 0) < Self.memoryLimitMiB && (widePeak ?? 0) < Self.memoryLimitMiB)
    }

    // MARK: - every command

    @Test(arguments: [
        ["check", "sertraline"], ["batch", "-"], ["sql", "SELECT 1"], ["assess", "sertraline"], ["drug", "sertraline"],
    ])
    func aMissingOrNonSQLiteDatabaseExitsTwo(_ command: [String]) throws {
        let folder = try Self.directory()
        let input = "PATIENT,DESCRIPTION\np,sertraline\n"
        let missing = try Self.run(command + ["--db", folder.appending(path: "none.sqlite").path], input: input)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no knowledge base at"), "\(missing.stderr)")
        let notSQLite = try Self.write(Self.garbage(count: 10_000), named: "garbage.sqlite", in: folder)
        let garbage = try Self.run(command + ["--db", notSQLite], input: input)
        #expect(garbage.status == 2)
        #expect(garbage.stderr.contains("cannot open the knowledge base at \(notSQLite)"), "\(garbage.stderr)")
        let text = try Self.write("not a database at all\n", named: "text.sqlite", in: folder)
        #expect(try Self.run(command + ["--db", text], input: input).status == 2)
    }

    @Test(arguments: [["check", "sertraline"], ["batch", "-"], ["sql", "SELECT 1"], ["assess", "sertraline"], ["drug", "sertraline"]])
    func anUnknownFormatExitsTwo(_ command: [String]) throws {
        let result = try Self.run(command + ["--format", "xml"], input: "PATIENT,DESCRIPTION\np,sertraline\n")
        #expect(result.status == 2)
        #expect(result.stderr.contains("The value 'xml' is invalid for '--format"), "\(result.stderr)")
    }

    @Test func sqlRefusesInvalidAndHostileQueriesWithExitTwo() throws {
        for query in ["SELEC nonsense", "", "SELECT \u{01}", "SELECT 1; DROP TABLE drugs",
                      "SELECT " + String(repeating: "1+", count: 50_000) + "1", String(repeating: "(", count: 100_000)] {
            let result = try Self.run(["sql", query])
            #expect(result.status == 2, "\(query.prefix(40))")
            #expect(result.stderr.hasPrefix("twitchcheck: error:"), "\(result.stderr.prefix(200))")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func assessRefusesBadNamesWithExitTwo() throws {
        let empty = try Self.run(["assess", ""])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("medication 1: the name is empty"))
        let control = try Self.run(["assess", "sertraline", "tra\u{1B}madol"])
        #expect(control.status == 2)
        #expect(control.stderr.contains("medication 2: the name contains a control character"))
        let long = try Self.run(["assess", String(repeating: "x", count: 100_000)])
        #expect(long.status == 2)
        #expect(long.stderr.contains("a name is at most 1000 bytes"))
    }

    // MARK: - Names that look like SQL

    static let sqlLookingNames = ["St. John's wort", "x'); DROP TABLE drugs; --", "%", "_", "'", "\"", "sertraline' OR '1'='1", "*"]

    @Test func namesThatLookLikeSQLAreDataEverywhere() throws {
        let folder = try Self.directory()
        let database = folder.appending(path: "kb.sqlite").path
        let build = try Self.run(["db", "build", "--output", database])
        #expect(build.status == 0, "\(build.stderr)")
        let before = try Data(contentsOf: URL(fileURLWithPath: database))
        let db = ["--db", database]

        let check = try Self.run(["check", "--format", "json"] + Self.sqlLookingNames + db)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\"input\" : \"St. John's wort\""))
        #expect(check.stdout.contains("x'); DROP TABLE drugs; --"))
        let list = try Self.run(["check", "-", "--format", "json"] + db, input: Self.sqlLookingNames.joined(separator: "\n"))
        #expect(list.status == 0, "\(list.stderr)")

        let assess = try Self.run(["assess"] + Self.sqlLookingNames + db)
        #expect(assess.status == 0, "\(assess.stderr)")

        let csv = "PATIENT,DESCRIPTION\n" + Self.sqlLookingNames.map { name in
            "p1,\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: "\n") + "\n"
        let batch = try Self.run(["batch", "-", "--format", "jsonl"] + db, input: csv)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout.contains("DROP TABLE drugs"))
        let wide = try Self.run(["batch", "-", "--layout", "wide", "--list-separator", "|"] + db,
                                input: "id,medications\nw,\"" + Self.sqlLookingNames.filter { $0 != "\"" }.joined(separator: "|") + "\"\n")
        #expect(wide.status == 0, "\(wide.stderr)")

        for name in Self.sqlLookingNames {
            // 'drug' says "not recognised" (exit 2, its documented answer) and never an SQL error.
            let drug = try Self.run(["drug", name] + db)
            #expect(drug.status == 2 || drug.status == 0, "\(name)")
            #expect(!drug.stderr.contains("SQL"), "\(drug.stderr)")
            let sql = try Self.run(["sql", "SELECT count(*) AS n FROM drug_names WHERE name LIKE :p OR key = :p", "--param", "p=\(name)",
                                    "--format", "csv"] + db)
            #expect(sql.status == 0, "\(sql.stderr)")
            #expect(sql.stdout.hasPrefix("n\r\n") || sql.stdout.hasPrefix("n\n"), "\(sql.stdout)")
        }
        let johns = try Self.run(["drug", "St. John's wort"] + db)
        #expect(johns.status == 0, "\(johns.stderr)")

        let after = try Data(contentsOf: URL(fileURLWithPath: database))
        #expect(before == after, "the knowledge base file changed")
        let count = try Self.run(["sql", "SELECT count(*) FROM drugs", "--format", "csv"] + db)
        #expect(count.status == 0)
        #expect(count.stdout.split(whereSeparator: \.isNewline).count == 2)
    }

    // MARK: - Concurrency

    /// Four first-use builders of the default database at once, while `db build` rewrites it in
    /// a loop: every run sees a whole database.
    @Test func concurrentFirstUseAndRebuildsNeverSeeAHalfBuiltDatabase() async throws {
        let home = try Self.directory()
        let environment = ["XDG_DATA_HOME": home.path]
        let input = "PATIENT,DESCRIPTION\np1,sertraline\np1,tramadol\n"
        let results = try await withThrowingTaskGroup(of: (String, CommandRunner.Result).self) { group in
            for index in 0..<4 {
                group.addTask { ("batch \(index)", try Self.run(["batch", "-", "--quiet"], input: input, environment: environment)) }
            }
            group.addTask {
                var last = CommandRunner.Result(status: 0, stdout: "", stderr: "")
                for _ in 0..<3 {
                    last = try Self.run(["db", "build"], environment: environment)
                    if last.status != 0 { break }
                }
                return ("db build", last)
            }
            for index in 4..<6 {
                group.addTask { ("check \(index)", try Self.run(["check", "sertraline", "tramadol"], environment: environment)) }
            }
            var all: [(String, CommandRunner.Result)] = []
            for try await result in group { all.append(result) }
            return all
        }
        for (name, result) in results {
            #expect(result.status == 0, "\(name): \(result.stderr)")
            if name.hasPrefix("batch") {
                #expect(result.stdout.contains("p1,combination,serotonin_syndrome,major,sertraline+tramadol"), "\(name)")
            } else if name.hasPrefix("check") {
                #expect(result.stdout.contains("MAJOR"), "\(name)")
            }
        }
        let folder = home.appending(path: "twitchcheck")
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left.filter { $0.hasSuffix(".sqlite") }.count == 1, "\(left)")
        #expect(!left.contains { $0.hasSuffix(".tmp") }, "no temporary files are left: \(left)")
    }
}
