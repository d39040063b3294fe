import Foundation
import Testing
import TwitchCheckKit

/// The page people check a list on: what it shows first, what it never leaves out, and that
/// nothing typed into it can run as markup.
@Suite struct CheckPageTests {
    let responder: CheckPageResponder

    init() {
        responder = CheckPageResponder(checker: TestKnowledgeBase.checker)
    }

    private func submit(_ list: String) throws -> PageResponse {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = list.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return try responder.result(formBody: Array("medications=\(encoded)".utf8))
    }

    @Test func theVerdictComesBeforeTheFindings() throws {
        let response = try submit("phenelzine\nmeperidine")
        #expect(response.status == 200)
        let html = response.html
        let verdict = try #require(html.range(of: "<h1 id=\"verdict\"><span class=\"badge contraindicated\">CONTRAINDICATED</span> Highest severity: CONTRAINDICATED</h1>"))
        let findings = try #require(html.range(of: "<h2 id=\"findings\">"))
        #expect(verdict.upperBound <= findings.lowerBound)
        #expect(html.contains("<title>Highest severity: contraindicated — twitchcheck</title>"))
        #expect(html.contains("Do not combine."))
    }

    @Test func severityIsWrittenInWordsOnEveryFinding() throws {
        let html = try submit("sertraline, tramadol, Ventolin").html
        let articles = html.components(separatedBy: "<article class=\"finding ").dropFirst()
        #expect(!articles.isEmpty)
        for article in articles {
            let severity = try #require(article.split(separator: "\"").first)
            #expect(article.contains(">\(severity.uppercased())</span>"), "the badge says \(severity) in words")
        }
    }

    @Test func aNameNotRecognisedIsNeverAnAllClearAndOffersItsSuggestion() throws {
        let html = try submit("amoxicillin\nsertralin").html
        #expect(html.contains("<h1 id=\"verdict\">Not everything was checked</h1>"))
        #expect(!html.contains("No twitching, tremor"))
        #expect(html.contains("<strong>1 name was not checked.</strong>"))
        // Taking the suggestion re-submits the list with the name corrected.
        #expect(html.contains("<input type=\"hidden\" name=\"medications\" value=\"amoxicillin\nsertraline\"><button type=\"submit\">sertraline</button>"))
    }

    @Test func aListWithNothingFoundSaysSoPlainly() throws {
        let html = try submit("amoxicillin, lisinopril").html
        #expect(html.contains("<h1 id=\"verdict\">No twitching, tremor, serotonin-syndrome or movement-disorder risks found</h1>"))
        #expect(html.contains("This is not medical advice."))
    }

    @Test("hostile names are shown as text, never as markup", arguments: [
        "<script>alert(1)</script>",
        "\"><img src=x onerror=alert(1)>",
        "sertraline' onmouseover='alert(1)",
        "</textarea><script>alert(1)</script>",
    ])
    func hostileNamesAreEscaped(name: String) throws {
        let html = try submit("tramadol\n\(name)").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onmouseover='"))
        #expect(!html.contains("</textarea><"))
        #expect(html.contains("&lt;") || html.contains("&#39;"))
    }

    @Test func thePageAsksNoOtherHostForAnything() throws {
        let html = try submit("sertraline\ntramadol").html
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        let stylesheets = html.components(separatedBy: "<link ").dropFirst()
        #expect(stylesheets.count == 1)
        #expect(stylesheets.first?.hasPrefix("rel=\"stylesheet\" href=\"/static/twitchcheck.css\">") == true)
        #expect(CheckPage.contentSecurityPolicy.hasPrefix("default-src 'none'"))
        #expect(!PageStylesheet.css.contains("url("), "no fonts or images fetched by the stylesheet")
    }

    @Test func sourcesAreNumberedAndLinked() throws {
        let html = try submit("sertraline\ntramadol").html
        #expect(html.contains("<ol class=\"sources\">"))
        #expect(html.contains("<a href=\"#source-"))
        #expect(html.contains("rel=\"noreferrer\""))
    }

    @Test func anEmptyListAsksForOneAgain() throws {
        let response = try submit(" \n , ")
        #expect(response.status == 400)
        #expect(response.html.contains("<strong>Please fix:</strong> type at least one medication."))
    }

    @Test func aNameWithAControlCharacterIsRefusedWithTheReason() throws {
        let response = try submit("sertraline\u{7}")
        #expect(response.status == 400)
        #expect(response.html.contains("control character (U+0007)"))
    }

    @Test("typed lists split on lines, commas and semicolons", arguments: [
        ("Zoloft 50mg\ntramadol", ["Zoloft 50mg", "tramadol"]),
        ("Zoloft 50mg, tramadol", ["Zoloft 50mg", "tramadol"]),
        ("  lithium ;\r\n\r\n HCTZ 25mg  ", ["lithium", "HCTZ 25mg"]),
        ("", []),
    ])
    func typedListsSplit(text: String, names: [String]) {
        #expect(TypedMedicationList(text: text).names == names)
    }

    @Test("form bodies decode as browsers encode them", arguments: [
        ("medications=Zoloft+50mg%2C+tramadol", "Zoloft 50mg, tramadol"),
        ("x=1&medications=a%0D%0Ab", "a\r\nb"),
        ("medications=100%25+sure%zz", "100% sure%zz"),
        ("medications=%C3%A9", "é"),
        ("medications=%FF", "\u{FFFD}"),
    ])
    func formBodiesDecode(body: String, value: String) {
        #expect(FormBody(Array(body.utf8)).value(of: "medications") == value)
    }
}
