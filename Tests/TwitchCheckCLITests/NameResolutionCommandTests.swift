import Foundation
import Testing

/// What `check` says and how it exits when part of a name was not understood or a name is ambiguous.
@Suite(.serialized) struct NameResolutionCommandTests {
    @Test func leftoverWordsAreNotAnAllClearAndFailStrict() throws {
        let result = try CommandRunner.run(["check", "--strict", "amoxicillin xyzzq"])
        #expect(result.status == 2)
        #expect(result.stdout == """
            No risks found among the recognised names, but the list is not cleared: some of
            it was not checked (below).
            1 of 1 names with words not understood.

            Recognised (1 of 1): amoxicillin xyzzq → amoxicillin (words not understood:
              xyzzq).

            This is not medical advice. Do not stop or change a medicine without talking to
            your doctor or pharmacist.

            """)
        #expect(result.stderr == "twitchcheck: error: 1 name(s) not recognised (--strict): amoxicillin xyzzq (words not understood: xyzzq)\n")
        let json = try CommandRunner.run(["check", "--format", "json", "amoxicillin xyzzq"])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["all_recognized"] as? Bool == false)
        let medication = try #require((object["medications"] as? [[String: Any]])?.first)
        #expect(medication["unmatched_words"] as? [String] == ["xyzzq"])
    }

    @Test func anInvisibleSoftHyphenDoesNotHideAContraindication() throws {
        let result = try CommandRunner.run(["check", "phe\u{00AD}nelzine", "meperidine", "--fail-on", "major"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("CONTRAINDICATED serotonin syndrome — meperidine + phenelzine"))
    }

    @Test func anAmbiguousAbbreviationIsNotCheckedAndFailsStrict() throws {
        let result = try CommandRunner.run(["check", "MS", "tramadol"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("  ? MS — ambiguous: may mean magnesium sulfate or morphine; write the drug's\n    name\n"))
        let strict = try CommandRunner.run(["check", "--strict", "--format", "json", "MSO4"])
        #expect(strict.status == 2)
        #expect(strict.stderr.contains("MSO4 (ambiguous)"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(strict.stdout.utf8)) as? [String: Any])
        let unrecognized = try #require((object["unrecognized"] as? [[String: Any]])?.first)
        #expect(unrecognized["reason"] as? String == "ambiguous")
        #expect(Set(unrecognized["suggestions"] as? [String] ?? []) == ["morphine", "magnesium sulfate"])
    }
}
