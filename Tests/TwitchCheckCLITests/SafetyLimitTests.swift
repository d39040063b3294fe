import Foundation
import TestScratch
import Testing

/// Limits that keep a command safe: what `db build` may overwrite, how long and how large a read of
/// a hostile knowledge base may get, which numbers `assess` accepts, and what error texts look like.
@Suite struct SafetyLimitTests {
    static let timeout = 120.0

    static func folder() throws -> URL {
        let url = TestScratch.root.appending(path: "twitchcheck-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    // MARK: - db build

    /// The issue's example (`db build --output important.csv`) and the rest of its class: anything
    /// that is not a knowledge base is left exactly as it was.
    @Test func dbBuildRefusesToOverwriteWhatIsNotAKnowledgeBase() throws {
        let folder = try Self.folder()
        let cases: [(name: String, bytes: [UInt8], what: String)] = [
            ("important.csv", Array("PATIENT,DESCRIPTION\np1,sertraline\n".utf8), "it is not a SQLite database"),
            ("notes.txt", Array("x".utf8), "it is not a SQLite database"),
            ("photo.bin", (0..<5000).map { UInt8(truncatingIfNeeded: $0 &* 31) }, "it is not a SQLite database"),
            ("short.sqlite", Array("SQLite format 3\0".utf8), "it is not a SQLite database"),
        ]
        for item in cases {
            let path = folder.appending(path: item.name).path
            try Data(item.bytes).write(to: URL(fileURLWithPath: path))
            let result = try CommandRunner.run(["db", "build", "--output", path], timeout: Self.timeout)
            #expect(result.status == 2, "\(item.name)")
            #expect(result.stderr == "twitchcheck: error: will not overwrite \(path): it is not a twitchcheck knowledge base "
                + "(\(item.what)); choose another --output path, or remove the file first if it is meant to go\n")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(item.bytes), "\(item.name) is unchanged")
        }
        let result = try CommandRunner.run(["db", "build", "--output", folder.path], timeout: Self.timeout)
        #expect(result.status == 2)
        #expect(result.stderr.contains("(it is a folder)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
                == cases.map(\.name).sorted(), "no temporary file is left behind")
    }

    @Test func dbBuildReplacesAKnowledgeBaseOrAnEmptyFile() throws {
        let folder = try Self.folder()
        let empty = folder.appending(path: "empty.sqlite").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        for path in [folder.appending(path: "new.sqlite").path, empty] {
            let first = try CommandRunner.run(["db", "build", "--output", path], timeout: Self.timeout)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout == path + "\n")
            let again = try CommandRunner.run(["db", "build", "--output", path], timeout: Self.timeout)
            #expect(again.status == 0, "a knowledge base is rebuilt in place: \(again.stderr)")
        }
    }

    // MARK: - Hostile knowledge bases

    /// A copy of the default knowledge base changed by `sql`, through the sqlite3 shell or Python;
    /// nil when neither is installed (the library tests build the same files with GRDB).
    static func hostileCopy(_ sql: String, in folder: URL) throws -> String? {
        let source = try CommandRunner.run(["db", "path"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let copy = folder.appending(path: "hostile-\(UUID().uuidString).sqlite").path
        try FileManager.default.copyItem(atPath: source, toPath: copy)
        let tools: [[String]] = [
            ["sqlite3", copy, sql],
            ["python3", "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.executescript(sys.argv[2]); c.commit()", copy, sql],
        ]
        for tool in tools {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = tool
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { continue }
            process.waitUntilExit()
            if process.terminationStatus == 0 { return copy }
        }
        return nil
    }

    /// Every file of Tests/Fixtures/hostile-knowledge-bases (see its README): name, SQL, how the reason must begin.
    static let hostileViews: [(name: String, sql: String, message: String)] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "Fixtures/hostile-knowledge-bases")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".sql") }.sorted().compactMap { name in
            guard let sql = try? String(contentsOf: folder.appending(path: name), encoding: .utf8),
                  let first = sql.split(separator: "\n").first, first.hasPrefix("-- expect: ") else { return nil }
            return (name, sql, String(first.dropFirst("-- expect: ".count)))
        }
    }()

    @Test func checkAndDrugStopOnAHostileKnowledgeBaseWithinSeconds() throws {
        let folder = try Self.folder()
        #expect(Self.hostileViews.count >= 4)
        for view in Self.hostileViews {
            guard let path = try Self.hostileCopy(view.sql, in: folder) else {
                Issue.record("\(view.name) could not be planted (neither sqlite3 nor python3 ran its SQL): the file or the schema changed")
                continue
            }
            let runs: [(arguments: [String], environment: [String: String])] = [
                (["check", "phenelzine", "meperidine", "--db", path], [:]),
                (["check", "sertraline", "tramadol"], ["TWITCHCHECK_DB": path]),
                (["drug", "sertraline", "--db", path], [:]),
            ]
            for run in runs {
                let started = Date()
                let result = try CommandRunner.run(run.arguments, environment: run.environment, timeout: Self.timeout)
                #expect(result.status == 2, "\(view.name): \(run.arguments)")
                #expect(result.stderr.hasPrefix("twitchcheck: error: cannot read the knowledge base at \(path): \(view.message)"),
                        "\(view.name): \(run.arguments): \(result.stderr)")
                #expect(result.stderr.hasSuffix("; if it is not a file twitchcheck built, rebuild it with 'twitchcheck db build --output \(path)', "
                    + "or omit --db and TWITCHCHECK_DB to use the default\n"), "\(view.name): \(run.arguments)")
                #expect(Date().timeIntervalSince(started) < 60, "\(view.name): \(run.arguments)")
            }
        }
    }

    /// The issue's example: `SELECT randomblob(2e7)` took 21 s with `--timeout 1`.
    @Test func sqlBoundsHugeValuesAndHugeResults() throws {
        let cases: [(query: String, message: String)] = [
            ("SELECT randomblob(2e7)",
             "a value is larger than 1 MiB, the most one value may hold; shorten it with substr(), or select something smaller"),
            ("SELECT zeroblob(3000000) || 'x'",
             "a value is larger than 1 MiB, the most one value may hold; shorten it with substr(), or select something smaller"),
            ("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n LIMIT 200) SELECT printf('%.*c', 1000000, 'x') FROM n",
             "the result is larger than 64 MiB and was stopped; select fewer rows (LIMIT) or columns"),
        ]
        for item in cases {
            let started = Date()
            let result = try CommandRunner.run(["sql", item.query, "--timeout", "30"], timeout: Self.timeout)
            #expect(result.status == 2, "\(item.query)")
            #expect(result.stderr == "twitchcheck: error: \(item.message)\n", "\(item.query)")
            #expect(Date().timeIntervalSince(started) < 25, "\(item.query)")
        }
    }

    // MARK: - Numbers

    /// The issue's example (`--temperature inf` crashed) and the rest of its class.
    @Test func assessRefusesTemperaturesThatAreNotABodyTemperature() throws {
        let values = ["inf", "-inf", "nan", "1e308", "-1e308", "1e16", "9.3e18", "100", "101.2", "-40", "0", "24.9", "45.01"]
        for value in values {
            let result = try CommandRunner.run(["assess", "sertraline", "--temperature=\(value)"], timeout: Self.timeout)
            #expect(result.status == 2, "\(value)")
            #expect(result.stderr.hasPrefix("twitchcheck: error: "), "\(value)")
            #expect(result.stderr.contains("25–45 °C; give the body temperature in degrees Celsius (for example --temperature 38.5)"),
                    "\(value): \(result.stderr)")
        }
        for value in ["25", "38.6", "45"] {
            #expect(try CommandRunner.run(["assess", "sertraline", "--temperature", value], timeout: Self.timeout).status == 0, "\(value)")
        }
    }

    // MARK: - Error texts

    /// Library wording (GRDB's "use Database.execute(sql:)", Foundation's NSCocoaErrorDomain) never reaches the user.
    @Test func errorsSayWhatFailedInTheProductsWords() throws {
        let folder = try Self.folder()
        let schema = folder.appending(path: "checkout/Schema")
        try FileManager.default.createDirectory(at: schema, withIntermediateDirectories: true)
        try Data([0xFF, 0xFE, 0x00]).write(to: schema.appending(path: "a.sql"))
        let cases: [(arguments: [String], message: String)] = [
            (["sql", "SELECT 1; SELECT 2"],
             "the query holds more than one statement; run one statement at a time (one 'twitchcheck sql' per SELECT)"),
            (["sql", "   "], "the query holds no statement (only spaces or comments); give one SELECT statement"),
            (["db", "build", "--from", folder.appending(path: "checkout").path, "--output", folder.appending(path: "kb.sqlite").path],
             "cannot read \(schema.appending(path: "a.sql").path): it is not valid UTF-8 text"),
            (["check", "sertraline", "--db", folder.path], "cannot open the knowledge base at \(folder.path): "
                + "it is a folder; rebuild it with 'twitchcheck db build --output \(folder.path)'"),
        ]
        for item in cases {
            let result = try CommandRunner.run(item.arguments, timeout: Self.timeout)
            #expect(result.status == 2, "\(item.arguments)")
            #expect(result.stderr == "twitchcheck: error: \(item.message)\n", "\(item.arguments)")
            for internalText in ["NSCocoaErrorDomain", "Error Domain", "Database.execute", "GRDB", "SQLite error"] {
                #expect(!result.stderr.contains(internalText), "\(item.arguments)")
            }
        }
    }
}
