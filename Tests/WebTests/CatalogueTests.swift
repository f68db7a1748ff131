import Casework
import Foundation
import Intake
import SichtbarCore
import Testing
import Yams

@testable import Web

/// Every catalogue in `Templates/i18n` against the German reference: the same reporter keys
/// with the same placeholders, the reporter's taxonomy labels, a review state, the right
/// direction, and no German left where another language belongs.
@Suite("Catalogues: ten languages on every reporter page")
struct CatalogueTests {
    static let folder = TestApp.root.appendingPathComponent("Templates/i18n")

    /// The raw sections of one catalogue file, without German filling the gaps.
    struct Raw {
        var meta: [String: String]
        var strings: [(key: String, value: String)]
        var members: [String: String]?
        var taxonomy: [String: String]
    }

    static func raw(_ code: String) throws -> Raw {
        let text = try String(contentsOf: folder.appendingPathComponent("\(code).yaml"), encoding: .utf8)
        let root = try #require(try Yams.compose(yaml: text)?.mapping, "\(code).yaml is not a mapping")
        func pairs(_ name: String) -> [(key: String, value: String)]? {
            root[name]?.mapping.map { mapping in
                mapping.compactMap { key, value in key.string.flatMap { k in value.string.map { (k, $0) } } }
            }
        }
        let meta = Dictionary(pairs("meta") ?? [], uniquingKeysWith: { first, _ in first })
        return Raw(
            meta: meta, strings: pairs("strings") ?? [],
            members: pairs("member_strings").map { Dictionary($0, uniquingKeysWith: { a, _ in a }) },
            taxonomy: Dictionary(pairs("taxonomy") ?? [], uniquingKeysWith: { first, _ in first }))
    }

    /// `{name}` placeholders and `%@`-style ones, as a sorted list.
    static func placeholders(_ text: String) -> [String] {
        text.matches(of: /\{[A-Za-z0-9_]+\}|%[@dsi]/).map { String(text[$0.range]) }.sorted()
    }

    /// The codes a reporter sees: every code of the taxonomy's `reporter: true` facets.
    static func reporterCodes() throws -> [String] {
        let taxonomy = try Taxonomy.load(from: TestApp.root.appendingPathComponent("Policies/taxonomy.yaml"))
        return taxonomy.facets.filter(\.reporter).flatMap { facet in facet.codes.map { "\(facet.key).\($0.code)" } }
    }

    @Test func everyLanguageOfTheContractHasACatalogue() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(ReportValidator.languages))
        let loaded = try Catalogue.loadAll(from: Self.folder)
        for code in ReportValidator.languages {
            let catalogue = try #require(loaded[code])
            #expect(catalogue.direction == (["ar", "fa"].contains(code) ? "rtl" : "ltr"), "\(code) runs \(catalogue.direction)")
            #expect(catalogue.hasMemberPages == ["de", "en"].contains(code), "member pages stay German and English")
        }
    }

    @Test(arguments: ReportValidator.languages.filter { $0 != "de" })
    func aCatalogueHasEveryReporterKeyWithTheSamePlaceholders(code: String) throws {
        let german = try Self.raw("de")
        let own = try Self.raw(code)
        let reference = Dictionary(german.strings, uniquingKeysWith: { first, _ in first })
        let keys = own.strings.map(\.key)
        #expect(
            Set(keys) == Set(reference.keys),
            "missing: \(Set(reference.keys).subtracting(keys).sorted()), extra: \(Set(keys).subtracting(reference.keys).sorted())")
        #expect(keys.count == Set(keys).count, "a key twice")
        for (key, value) in own.strings {
            #expect(!value.trimmingCharacters(in: .whitespaces).isEmpty, "\(code): \(key) is empty")
            #expect(Self.placeholders(value) == Self.placeholders(reference[key] ?? ""), "\(code): \(key) changes its placeholders")
        }
        if code == "en" {
            let members = try #require(own.members)
            let germanMembers = try #require(german.members)
            #expect(Set(members.keys) == Set(germanMembers.keys))
            for (key, value) in members { #expect(Self.placeholders(value) == Self.placeholders(germanMembers[key] ?? ""), "en: \(key)") }
        } else {
            #expect(own.members == nil, "\(code) carries member strings; member pages stay German and English")
            #expect(Set(own.taxonomy.keys) == Set(try Self.reporterCodes()), "\(code): taxonomy labels of the reporter's codes")
            #expect(own.taxonomy.values.allSatisfy { !$0.isEmpty })
            #expect(!(own.meta["review"] ?? "").isEmpty, "\(code) records its review state in meta.review")
        }
    }

    /// Words that mark a German sentence; two different ones in one value mean German text.
    static let germanWords: Set<String> = [
        "und", "der", "die", "das", "nicht", "sie", "ihre", "ihr", "werden", "wird", "ist", "mit",
        "oder", "eine", "einen", "können", "wenn", "auf", "für", "von", "zu", "ein", "den", "dem",
    ]

    static func looksGerman(_ text: String) -> Bool {
        let words = text.lowercased().split { !$0.isLetter }.map(String.init)
        return Set(words).intersection(germanWords).count >= 2
    }

    @Test(arguments: ReportValidator.languages.filter { !["de", "de-x-ls"].contains($0) })
    func noOtherLanguageStillCarriesGerman(code: String) throws {
        let german = Dictionary(try Self.raw("de").strings, uniquingKeysWith: { first, _ in first })
        let own = try Self.raw(code)
        for (key, value) in own.strings {
            #expect(!(value == german[key] && value.count > 12), "\(code): \(key) is the German text")
            #expect(!Self.looksGerman(value), "\(code): \(key) reads as German: \(value)")
        }
        for (key, value) in own.taxonomy { #expect(!Self.looksGerman(value), "\(code): \(key) reads as German: \(value)") }
    }

    @Test func theGermanWordCheckCanFail() {
        #expect(Self.looksGerman("Wer kann Ihre Meldung lesen und wann?"))
        #expect(!Self.looksGerman("Raporunuzu kim okuyabilir?"))
        #expect(!Self.looksGerman("Kto może przeczytać zgłoszenie?"))
    }

    /// Leichte Sprache is its own text: not a copy of the German, compounds split with the
    /// Mediopunkt, short sentences.
    @Test func leichteSpracheIsItsOwnText() throws {
        let german = Dictionary(try Self.raw("de").strings, uniquingKeysWith: { first, _ in first })
        let easy = try Self.raw("de-x-ls")
        let long = easy.strings.filter { (german[$0.key] ?? "").count > 40 }
        let copied = long.filter { german[$0.key] == $0.value }.map(\.key)
        #expect(copied.isEmpty, "copied from the German: \(copied)")
        #expect(easy.strings.contains { $0.value.contains("·") }, "no compound split with the Mediopunkt")
        let sentences = easy.strings.flatMap { $0.value.split(whereSeparator: { ".!?".contains($0) }) }
            .map { $0.split(separator: " ").count }.filter { $0 > 0 }
        let average = Double(sentences.reduce(0, +)) / Double(max(sentences.count, 1))
        #expect(average <= 12, "sentences average \(average) words")
    }
}
