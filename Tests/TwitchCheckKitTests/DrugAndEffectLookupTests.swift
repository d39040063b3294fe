import Testing
import TwitchCheckKit

/// `DrugProfile` and `EffectReport`: the answers behind `twitchcheck drug` and `twitchcheck effect`.
@Suite struct DrugAndEffectLookupTests {
    @Test func sertralinesProfileListsItsInteractionsThroughRuleSides() throws {
        let profile = try #require(try DrugProfile.load("sertraline", from: TestKnowledgeBase.shared))
        #expect(profile.names.contains { $0.name == "Zoloft" && $0.kind == .brand })
        #expect(profile.classes.contains { $0.classID == "ssri" && $0.direct })
        #expect(profile.classes.contains { $0.classID == "serotonergic" && !$0.direct })
        #expect(profile.interactingDrugs.isSuperset(of: ["tramadol", "linezolid", "phenelzine"]))
        #expect(!profile.interactingDrugs.contains("sertraline"))
        #expect(profile.interactions.allSatisfy { !$0.sources.isEmpty })
        #expect(profile.interactions.map(\.severity) == profile.interactions.map(\.severity).sorted(by: >))
    }

    @Test func anUnknownDrugHasNoProfile() throws {
        #expect(try DrugProfile.load("no-such-drug", from: TestKnowledgeBase.shared) == nil)
    }

    @Test("effect report lists every drug drugs_by_effect names", arguments: Effect.allCases)
    func effectReportMatchesTheView(_ effect: Effect) throws {
        let expected = try ReadOnlyQuery(knowledgeBase: TestKnowledgeBase.shared)
            .run("SELECT drug FROM drugs_by_effect WHERE effect = :e", parameters: ["e": effect.rawValue]).rows.map { $0[0].text }
        let report = try EffectReport.load(effect, from: TestKnowledgeBase.shared)
        #expect(Set(report.drugs) == Set(expected))
        #expect(report.drugs.count == expected.count, "each drug appears in one group")
    }

    @Test func tremorIsCausedByTheSeedDocumentsDrugs() throws {
        let drugs = Set(try EffectReport.load(.tremor, from: TestKnowledgeBase.shared).drugs)
        #expect(drugs.isSuperset(of: ["albuterol", "lithium", "valproate", "amiodarone"]))
    }

    @Test func filtersNarrowTheReport() throws {
        let all = try EffectReport.load(.tardiveDyskinesia, from: TestKnowledgeBase.shared)
        let major = try EffectReport.load(.tardiveDyskinesia, minSeverity: .major, from: TestKnowledgeBase.shared)
        #expect(major.groups.flatMap(\.drugs).allSatisfy { $0.severity >= .major })
        #expect(major.drugs.count < all.drugs.count)
        let members = Set(try TestKnowledgeBase.shared.members(ofClass: "antipsychotic"))
        let antipsychotics = try EffectReport.load(.tardiveDyskinesia, inClass: "antipsychotic", from: TestKnowledgeBase.shared)
        #expect(!antipsychotics.drugs.isEmpty)
        #expect(Set(antipsychotics.drugs).isSubset(of: members))
    }
}

/// Serotonin syndrome comes from combinations: `effect serotonin_syndrome` must still answer "which drugs".
@Suite struct CombinationOnlyEffectTests {
    @Test func serotoninSyndromeListsTheDrugsOnItsRules() throws {
        let report = try EffectReport.load(.serotoninSyndrome, from: TestKnowledgeBase.shared)
        for drug in ["sertraline", "tramadol", "phenelzine", "linezolid", "lithium"] {
            #expect(report.combinationDrugs.contains(drug), "\(drug) should be listed as causing serotonin syndrome in combination")
        }
        let phenelzine = report.inCombination.flatMap(\.drugs).first { $0.drug == "phenelzine" }
        #expect(phenelzine?.severity == .contraindicated)
    }

    @Test func aDrugWithItsOwnRiskIsNotListedTwice() throws {
        let report = try EffectReport.load(.tremor, from: TestKnowledgeBase.shared)
        #expect(Set(report.drugs).isDisjoint(with: report.combinationDrugs))
        #expect(report.drugs.contains("lithium"))
        #expect(report.combinationDrugs.contains("hydrochlorothiazide"), "a thiazide raises lithium levels: tremor in combination")
    }
}
