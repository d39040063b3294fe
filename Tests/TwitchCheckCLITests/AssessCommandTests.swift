import Foundation
import Testing

/// `twitchcheck assess` end to end, from the built binary.
@Suite(.serialized) struct AssessCommandTests {
    @Test func theTextSaysWhichRuleFiredWithTheCaveat() throws {
        let result = try CommandRunner.run(["assess", "sertraline", "tramadol", "--sign", "inducible-clonus", "--sign", "sweating"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Serotonin toxicity by the Hunter criteria: MET — rule 2\n"))
        #expect(result.stdout.contains("Serotonergic drugs in the list: sertraline, tramadol"))
        #expect(result.stdout.contains("overdose"))
        #expect(result.stdout.contains("not an interaction score"))
        #expect(result.stdout.contains("This is not medical advice."))
        #expect(result.stdout.contains("MAJOR serotonin syndrome — sertraline + tramadol"))
        #expect(result.stdout.contains("[dunkley-2003]"))
    }

    @Test func jsonHasTheContractShape() throws {
        let result = try CommandRunner.run(["assess", "--format", "json", "lithium", "fluoxetine",
                                            "--sign", "shaking", "--sign", "Hyperreflexia", "--temperature", "37.4"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hunter = try #require(object["hunter"] as? [String: Any])
        #expect(hunter["met"] as? Bool == true)
        #expect(hunter["rule"] as? Int == 4)
        #expect(hunter["explanation"] is String)
        #expect(object["serotonergic_drugs"] as? [String] == ["fluoxetine", "lithium"])
        #expect(object["findings"] is [[String: Any]])
        #expect(object["signs"] as? [String] == ["tremor", "hyperreflexia"])
        #expect(object["temperature_c"] as? Double == 37.4)
        #expect((object["caveat"] as? String)?.contains("overdose") == true)
        #expect(object["burden"] is [String: Any])
    }

    @Test func noSerotonergicDrugIsNotMetAndSaysWhy() throws {
        let result = try CommandRunner.run(["assess", "--format", "json", "amoxicillin", "--sign", "spontaneous-clonus"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hunter = try #require(object["hunter"] as? [String: Any])
        #expect(hunter["met"] as? Bool == false)
        #expect(hunter["rule"] is NSNull)
        #expect((hunter["explanation"] as? String)?.contains("no recognised medication in the list is serotonergic") == true)
        #expect(object["serotonergic_drugs"] as? [String] == [])
    }

    @Test func anUnknownSignExitsTwoAndListsTheValidOnes() throws {
        let result = try CommandRunner.run(["assess", "sertraline", "--sign", "wobbly"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown sign 'wobbly'"))
        for sign in ["spontaneous-clonus", "inducible-clonus", "ocular-clonus", "agitation", "diaphoresis",
                     "tremor", "hyperreflexia", "hypertonia"] {
            #expect(result.stderr.contains(sign))
        }
        let ambiguous = try CommandRunner.run(["assess", "sertraline", "--sign", "clonus"])
        #expect(ambiguous.status == 2)
        #expect(ambiguous.stderr.contains("say which clonus"))
    }

    @Test func anImplausibleTemperatureExitsTwo() throws {
        let result = try CommandRunner.run(["assess", "sertraline", "--sign", "hypertonia", "--temperature", "101.2"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("degrees Celsius"))
        let missing = try CommandRunner.run(["assess", "--sign", "tremor"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("give at least one medication"))
    }

    @Test func helpListsTheSignsAndTheirSynonyms() throws {
        let result = try CommandRunner.run(["assess", "--help"])
        #expect(result.status == 0)
        for text in ["spontaneous-clonus", "ocular-clonus", "eye clonus", "sweating", "shaking", "rigidity",
                     "--temperature", "overdose", "Examples:"] {
            #expect(result.stdout.contains(text), "help lacks \(text)")
        }
    }

    @Test func checkAddsWhenToSeeADoctorForTremorOnly() throws {
        let tremor = try CommandRunner.run(["check", "lithium"])
        #expect(tremor.stdout.contains("When to see a doctor:"))
        #expect(tremor.stdout.contains("] seed-document — "))
        #expect(tremor.stdout.contains("] merck-tremor-home — "))
        let clear = try CommandRunner.run(["check", "amoxicillin"])
        #expect(!clear.stdout.contains("When to see a doctor:"))
        let json = try CommandRunner.run(["check", "--format", "json", "lithium"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let guidance = try #require(object["guidance"] as? [[String: Any]])
        #expect(Set(guidance.flatMap { ($0["sources"] as? [String]) ?? [] })
            == ["seed-document", "merck-tremor-home", "adam-tremor-selfcare"], "lithium twitches and shakes: both kinds of advice")
        #expect(object["burden"] is [String: Any])
    }
}
