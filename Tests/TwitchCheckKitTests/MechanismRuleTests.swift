import Testing
import TwitchCheckKit

/// Rules made at build time from enzyme data and own risks (issue 11): their exact text, the
/// label rule that overrides them, their severity policy, and the MAOI contraindications.
@Suite struct MechanismRuleTests {
    private func combination(_ names: [String]) throws -> [Finding] {
        try TestKnowledgeBase.checker.check(names).findings.filter { $0.kind == .combination }
    }

    @Test func aGeneratedFindingNamesTheDrugWhoseLevelRisesAndItsDerivation() throws {
        let finding = try #require(try combination(["carbamazepine", "clarithromycin"]).first)
        #expect(finding.rule == "gen-carbamazepine-clarithromycin")
        #expect(finding.severity == .major)
        #expect(finding.effect == .tremor)
        #expect(finding.movementDisorder == "neurotoxicity")
        #expect(finding.summary == "Clarithromycin raises the carbamazepine level; too much carbamazepine can cause tremor "
            + "(dizziness, unsteadiness, double vision, nystagmus, tremor).")
        #expect(finding.mechanism == "The CARBAMAZEPINE level rises: clarithromycin is a strong CYP3A4 inhibitor and "
            + "carbamazepine is a moderate sensitive CYP3A4 substrate (FDA table of substrates and inhibitors; "
            + "carbamazepine's label); carbamazepine has a narrow range between the usual and the toxic level.")
        #expect(finding.sources == ["fda-cyp-table", "tegretol-di"])
    }

    @Test func aLabelRuleOverridesTheGeneratedOneForItsPair() throws {
        // Zileuton is a weak CYP1A2 inhibitor (a minor generated rule); the Zyflo label says halve theophylline.
        let findings = try combination(["theophylline", "zileuton"])
        #expect(findings.map(\.rule) == ["theophylline-with-zileuton"])
        #expect(findings.first?.severity == .moderate)
        let generated = try ReadOnlyQuery(knowledgeBase: TestKnowledgeBase.shared)
            .run("SELECT count(*) FROM interaction_rules WHERE id = 'gen-theophylline-zileuton'").rows
        #expect(generated.first?.first?.text == "0")
    }

    @Test func twoMinorTremorDrugsStayMinorAndTwoModerateOnesMakeAModeratePair() throws {
        #expect(try combination(["albuterol", "theophylline"]).allSatisfy { $0.severity == .minor })
        #expect(try combination(["albuterol", "salmeterol"]).isEmpty)
        let pair = try combination(["lithium", "valproate"]).first { $0.effect == .tremor }
        #expect(pair?.severity == .moderate)
        #expect(pair?.rule == "add-tremor-lithium-valproate")
        // Lidocaine's tremor is moderate (a sign of toxicity) but rare: its pairs stay minor.
        #expect(try combination(["lidocaine", "lithium"]).allSatisfy { $0.severity == .minor })
    }

    @Test("every MAOI label contraindication is contraindicated", arguments: [
        ["phenelzine", "bupropion"], ["tranylcypromine", "methylphenidate"], ["isocarboxazid", "atomoxetine"],
        ["selegiline", "amphetamine"], ["linezolid", "bupropion"], ["phenelzine", "levodopa"],
        ["tranylcypromine", "carbamazepine"], ["safinamide", "methylphenidate"], ["phenelzine", "mirtazapine"],
    ])
    func maoiContraindications(_ pair: [String]) throws {
        let worst = try combination(pair).map(\.severity).max()
        #expect(worst == .contraindicated, "\(pair)")
    }

    @Test func aClassRuleTextNamesTheWeakDrug() throws {
        let finding = try #require(try combination(["oxycodone", "tramadol"]).first { $0.effect == .serotoninSyndrome })
        #expect(finding.summary.contains("although oxycodone is only weakly serotonergic"))
    }

    @Test func forOnePairOfDrugsTheStrongestStatementWins() throws {
        // Bupropion's "possibly serotonergic" minor is not shown beside the contraindicated hypertensive crisis.
        #expect(try combination(["phenelzine", "bupropion"]).map(\.rule) == ["maoi-with-bupropion"])
        // The additive minor twitching pair is not shown beside the moderate tremor pair.
        #expect(try combination(["lithium", "valproate"]).map(\.rule) == ["add-tremor-lithium-valproate"])
        // Different pairs keep their own findings.
        #expect(try combination(["phenelzine", "bupropion", "sertraline"]).contains { $0.drugs == ["phenelzine", "sertraline"] })
    }

    @Test func aHypertensiveCrisisFindingComesWithAdviceOnItsSigns() throws {
        let report = try TestKnowledgeBase.checker.check(["tranylcypromine", "methylphenidate"])
        let advice = try #require(report.guidance?.first { $0.effects.contains(.hypertensiveCrisis) })
        #expect(advice.sources == ["phenelzine-multum"])
        #expect(advice.text.hasPrefix("Get emergency help at once for a sudden, severe headache, a fast or pounding heartbeat"))
        #expect(try TestKnowledgeBase.checker.check(["lithium", "valproate"]).guidance?
            .contains { $0.effects.contains(.hypertensiveCrisis) } != true)
    }
}
