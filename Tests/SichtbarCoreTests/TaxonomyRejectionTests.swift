import SichtbarTesting
import Testing

@testable import SichtbarCore

/// A small taxonomy that passes every check; each rejection test changes one line of it.
private let validLines = [
    #"version: "1""#,  // 1
    "languages: [de, en]",  // 2
    "facets:",  // 3
    "  ground:",  // 4
    "    multiValued: true",  // 5
    "    reporter: true",  // 6
    "    labels: {de: Merkmal, en: Ground}",  // 7
    "    codes:",  // 8
    "      rassistische_zuschreibung:",  // 9
    "        labels: {de: Rassistische Zuschreibung, en: Racist attribution}",  // 10
    "        children:",  // 11
    "          antimuslimisch: {labels: {de: Antimuslimisch, en: Anti-Muslim}}",  // 12
    "      antisemitismus:",  // 13
    "        labels: {de: Antisemitismus, en: Antisemitism}",  // 14
    "  area:",  // 15
    "    multiValued: false",  // 16
    "    labels: {de: Lebensbereich, en: Area}",  // 17
    "    codes:",  // 18
    "      wohnen: {labels: {de: Wohnen, en: Housing}}",  // 19
    "  role:",  // 20
    "    multiValued: false",  // 21
    "    labels: {de: Rolle, en: Role}",  // 22
    "    codes:",  // 23
    "      betroffen: {labels: {de: Betroffen, en: Affected}}",  // 24
    "  channel:",  // 25
    "    multiValued: false",  // 26
    "    labels: {de: Zugangsweg, en: Channel}",  // 27
    "    codes:",  // 28
    "      online_formular: {labels: {de: Online, en: Online}}",  // 29
    "regierungsbezirke:",  // 30
    "  arnsberg: {labels: {de: Arnsberg, en: Arnsberg}}",  // 31
    "regions:",  // 32
    #"  "05913": {name: Dortmund, kind: kreisfreie_stadt, regierungsbezirk: arnsberg}"#,  // 33
]

private let file = "inline-taxonomy.yaml"

/// The valid lines with line `number` (1-based) replaced by `replacement` (several lines allowed).
private func yaml(replacingLine number: Int, with replacement: [String]) -> String {
    var lines = validLines
    lines.replaceSubrange((number - 1)...(number - 1), with: replacement)
    return lines.joined(separator: "\n") + "\n"
}

/// The PolicyError `text` is refused with; records an issue when it is accepted.
private func rejection(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> PolicyError? {
    #expect(throws: PolicyError.self, sourceLocation: sourceLocation) {
        try Taxonomy.parse(text, file: file)
    }
}

@Suite("Taxonomy.parse refuses a broken taxonomy, naming line and problem")
struct TaxonomyRejectionTests {
    @Test func theUnchangedSmallTaxonomyIsAccepted() throws {
        let taxonomy = try Taxonomy.parse(validLines.joined(separator: "\n"), file: file)
        #expect(taxonomy.version == "1")
        #expect(taxonomy.languages == ["de", "en"])
        #expect(taxonomy.facets.map(\.key) == ["ground", "area", "role", "channel"])
        #expect(taxonomy.facet("ground")?.code("antimuslimisch")?.parent == "rassistische_zuschreibung")
        #expect(taxonomy.regions.map(\.key) == ["05913"])
    }

    @Test func aYAMLSyntaxErrorNamesItsLine() throws {
        let error = try #require(rejection(yaml(replacingLine: 19, with: ["      wohnen: labels: Wohnen"])))
        #expect(error.file == file)
        #expect(error.line == 19)
        #expect(error.problem.contains("YAML"))
        #expect(error.problem.contains("mapping values are not allowed"), "\(error.problem)")
    }

    @Test func aCodeThatIsNotSnakeCaseIsRefused() throws {
        let error = try #require(rejection(yaml(replacingLine: 13, with: ["      Antisemitismus:"])))
        #expect(error.line == 13)
        #expect(error.problem.contains("'Antisemitismus'"), "\(error.problem)")
        #expect(error.problem.contains("snake_case"), "\(error.problem)")
    }

    @Test(arguments: ["anti-semitismus", "antisemitismus ä", "1antisemitismus", "_antisemitismus"])
    func otherNonSnakeCaseCodesAreRefused(code: String) throws {
        let error = try #require(rejection(yaml(replacingLine: 13, with: ["      \"\(code)\":"])))
        #expect(error.line == 13)
        #expect(error.problem.contains("snake_case"), "\(error.problem)")
    }

    @Test func aChildRepeatingItsParentsCodeIsRefused() throws {
        let text = yaml(
            replacingLine: 12,
            with: [
                "          antimuslimisch: {labels: {de: Antimuslimisch, en: Anti-Muslim}}",
                "          rassistische_zuschreibung: {labels: {de: Doppelt, en: Duplicate}}",
            ])
        let error = try #require(rejection(text))
        #expect(error.line == 13, "the repeated child's line")
        #expect(error.problem.contains("repeats the code 'rassistische_zuschreibung'"), "\(error.problem)")
    }

    @Test func aLabelMissingForADeclaredLanguageIsRefused() throws {
        let error = try #require(rejection(yaml(replacingLine: 14, with: ["        labels: {de: Antisemitismus}"])))
        #expect(error.line == 14)
        #expect(error.problem.contains("lack 'en'"), "\(error.problem)")
        #expect(error.problem.contains("antisemitismus"), "\(error.problem)")
    }

    @Test func aRegionInAnUnknownRegierungsbezirkIsRefused() throws {
        let text = yaml(
            replacingLine: 33,
            with: [
                #"  "05913": {name: Dortmund, kind: kreisfreie_stadt, regierungsbezirk: sauerland}"#
            ])
        let error = try #require(rejection(text))
        #expect(error.line == 33)
        #expect(error.problem.contains("unknown Regierungsbezirk 'sauerland'"), "\(error.problem)")
        #expect(error.problem.contains("05913"), "\(error.problem)")
    }

    @Test func aMissingRequiredFacetIsRefused() throws {
        var lines = validLines
        lines.removeSubrange(19...23)  // lines 20–24: the role facet
        #expect(!lines.joined().contains("role"))
        let error = try #require(rejection(lines.joined(separator: "\n")))
        #expect(error.line == 4, "the facets mapping, which starts at its first facet")
        #expect(error.problem.contains("facets lack 'role'"), "\(error.problem)")
    }

    @Test func aLabelInAnUndeclaredLanguageIsRefused() throws {
        let error = try #require(
            rejection(yaml(replacingLine: 14, with: ["        labels: {de: Antisemitismus, en: Antisemitism, fr: Antisémitisme}"])))
        #expect(error.line == 14)
        #expect(error.problem.contains("'fr'"), "\(error.problem)")
    }

    @Test func childrenNestedTwoLevelsDeepAreRefused() throws {
        let text = yaml(
            replacingLine: 12,
            with: [
                "          antimuslimisch:",
                "            labels: {de: Antimuslimisch, en: Anti-Muslim}",
                "            children:",
                "              tiefer: {labels: {de: Tiefer, en: Deeper}}",
            ])
        let error = try #require(rejection(text))
        #expect(error.line == 12)
        #expect(error.problem.contains("more than one level deep"), "\(error.problem)")
    }

    @Test func aRegionKeyThatIsNotFiveDigitsIsRefused() throws {
        let error = try #require(
            rejection(
                yaml(
                    replacingLine: 33,
                    with: [
                        #"  "5913": {name: Dortmund, kind: kreisfreie_stadt, regierungsbezirk: arnsberg}"#
                    ])))
        #expect(error.line == 33)
        #expect(error.problem.contains("five-digit"), "\(error.problem)")
    }

    @Test func anEmptyTextIsRefused() throws {
        let error = try #require(rejection(""))
        #expect(error.problem.contains("empty"), "\(error.problem)")
    }
}
