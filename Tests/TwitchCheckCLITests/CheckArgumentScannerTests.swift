import ArgumentParser
import Foundation
import Testing
@testable import twitchcheck

/// `check` reads its common command lines without ArgumentParser (``CheckArgumentScanner``, issue 13).
/// These tests hold the scanner to ArgumentParser's reading: whatever it accepts, ArgumentParser
/// accepts too and reads as the same request; whatever it cannot read exactly, it declines.
@Suite struct CheckArgumentScannerTests {
    /// ArgumentParser's reading of `check ARGUMENTS`, validation included, or nil when it refuses them.
    static func parserReading(_ arguments: [String]) -> CheckRequest? {
        guard arguments.first == "check", let command = try? CheckCommand.parse(Array(arguments.dropFirst())),
              (try? command.validate()) != nil else { return nil }
        return command.request
    }

    static let accepted: [[String]] = [
        ["check", "sertraline", "tramadol"],
        ["check", "Zoloft 50mg", "Tylenol PM", "HCTZ 25mg"],
        ["check", "-"],
        ["check", "--file", "meds.txt"],
        ["check", "--format", "json", "--fail-on", "major", "lithium", "--db", "kb.sqlite"],
        ["check", "phenelzine", "--min-severity", "moderate", "--strict", "--color", "never", "sertraline"],
        ["check", "--format", "fhir", "--file", "bundle.json", "-"],
        ["check", ""],
        ["check", "sertraline stopped 2026-11-20", "phenelzine"],
        ["check", "l\u{00ED}thium", "\u{200B}sertraline", "a=b", "check", "help"],
    ]

    @Test(arguments: accepted)
    func readsTheCommonFormsAsArgumentParserDoes(_ arguments: [String]) throws {
        let scanned = try #require(CheckArgumentScanner.request(from: arguments), "declined \(arguments)")
        #expect(scanned == Self.parserReading(arguments))
    }

    /// Forms whose reading (or whose message) belongs to ArgumentParser.
    static let declined: [[String]] = [
        ["check"], ["check", "--help"], ["check", "-h"], ["check", "--version"], ["check", "--", "-5mg"],
        ["check", "--format=json", "sertraline"], ["check", "--format", "yaml", "sertraline"],
        ["check", "--fail-on", "Major", "sertraline"], ["check", "--fail-on"], ["check", "sertraline", "--db"],
        ["check", "--db", "--strict", "sertraline"], ["check", "--strict", "--strict", "sertraline"],
        ["check", "--format", "json", "--format", "text", "sertraline"], ["check", "--verbose", "sertraline"],
        ["check", "-x", "sertraline"], ["check", "--strict"], ["batch", "sertraline"], [], ["help", "check"],
        ["check", "--color", "blue", "sertraline"],
    ]

    @Test(arguments: declined)
    func declinesWhatItCannotReadExactly(_ arguments: [String]) {
        #expect(CheckArgumentScanner.request(from: arguments) == nil, "\(arguments)")
    }

    /// Random command lines over the options, their values (good and bad) and names that look like
    /// options: every line the scanner reads, ArgumentParser reads the same way.
    @Test func agreesWithArgumentParserOnGeneratedCommandLines() {
        let tokens = CheckArgumentScanner.options + [
            "json", "text", "fhir", "yaml", "auto", "always", "never", "minor", "moderate", "major", "contraindicated",
            "Major", "sertraline", "Zoloft 50mg", "-", "--", "-5", "--format=json", "--help", "-h", "", " ", "help", "check",
            "kb.sqlite", "--unknown", "-v",
        ]
        // A seeded linear congruential sequence (Knuth's MMIX constants), so a failing line can be found again.
        var state: UInt64 = 13
        func next(below bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var accepted = 0
        for _ in 0..<4_000 {
            let arguments = ["check"] + (0..<next(below: 7)).map { _ in tokens[next(below: tokens.count)] }
            guard let scanned = CheckArgumentScanner.request(from: arguments) else { continue }
            accepted += 1
            let parsed = Self.parserReading(arguments)
            #expect(scanned == parsed, "\(arguments)")
            if scanned != parsed { return }
        }
        #expect(accepted > 400, "the generated lines hardly reach the scanner (\(accepted))")
    }

    /// The same check read both ways (`--opt=value` is left to ArgumentParser): the same report,
    /// the same messages, the same exit status.
    @Test(arguments: [
        (["--format", "json"], ["--format=json"]),
        (["--fail-on", "major"], ["--fail-on=major"]),
        (["--strict", "--min-severity", "major"], ["--strict", "--min-severity=major"]),
    ])
    func bothReadingsRunTheSameCheck(_ scanned: [String], _ parsed: [String]) throws {
        let names = ["phenelzine", "Zoloft 50mg", "sertralin"]
        #expect(CheckArgumentScanner.request(from: ["check"] + scanned + names) != nil)
        #expect(CheckArgumentScanner.request(from: ["check"] + parsed + names) == nil)
        let fast = try CommandRunner.run(["check"] + scanned + names)
        let full = try CommandRunner.run(["check"] + parsed + names)
        #expect(fast.stdout == full.stdout && fast.stderr == full.stderr && fast.status == full.status)
        #expect(!fast.stdout.isEmpty)
    }

    /// A new option of `check` must be taught to the scanner (or the scanner would decline every line
    /// that uses it, silently slow): the options in `check --help` are exactly the scanner's.
    @Test func knowsEveryOptionOfCheck() throws {
        let help = CheckCommand.helpMessage(columns: 1_000)
        let listed = Set(help.matches(of: /(?m)^\s+(--[a-z-]+)/).map { String($0.output.1) })
        #expect(listed.subtracting(["--help", "--version"]) == Set(CheckArgumentScanner.options))
    }
}
