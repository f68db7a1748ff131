import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore

@Suite("Taxonomy.load on Policies/taxonomy.yaml")
struct TaxonomyFileTests {
    static let bezirke: Set<String> = ["arnsberg", "detmold", "duesseldorf", "koeln", "muenster"]

    @Test func theFileHasAVersionAndGermanLabels() throws {
        let taxonomy = try realTaxonomy()
        #expect(!taxonomy.version.isEmpty)
        #expect(taxonomy.languages.contains("de"))
    }

    @Test func theFileListsTheFiftyThreeRegionsOfNRW() throws {
        let taxonomy = try realTaxonomy()
        #expect(taxonomy.regions.count == 53)
        #expect(Set(taxonomy.regions.map(\.key)).count == 53, "region keys are unique")
        #expect(taxonomy.region("05913")?.name == "Dortmund")
        #expect(taxonomy.region("05315")?.regierungsbezirk == "koeln")
    }

    @Test func everyRegionLiesInOneOfTheFiveRegierungsbezirke() throws {
        let taxonomy = try realTaxonomy()
        #expect(Set(taxonomy.regierungsbezirke.keys) == Self.bezirke)
        for region in taxonomy.regions {
            #expect(Self.bezirke.contains(region.regierungsbezirk), "\(region.key) \(region.name): \(region.regierungsbezirk)")
        }
        #expect(Set(taxonomy.regions.map(\.regierungsbezirk)) == Self.bezirke, "each Bezirk has regions")
    }

    @Test func antisemitismIsATopLevelGround() throws {
        let ground = try #require(try realTaxonomy().facet("ground"))
        let code = try #require(ground.code("antisemitismus"))
        #expect(code.parent == nil)
        #expect(code.labels["de"] == "Antisemitismus")
    }

    @Test func antiMuslimRacismIsAChildOfRacistAttribution() throws {
        let ground = try #require(try realTaxonomy().facet("ground"))
        let code = try #require(ground.code("antimuslimisch"))
        #expect(code.parent == "rassistische_zuschreibung")
        let parent = try #require(ground.code("rassistische_zuschreibung"))
        #expect(parent.parent == nil)
        let parentIndex = try #require(ground.codes.firstIndex { $0.code == "rassistische_zuschreibung" })
        let childIndex = try #require(ground.codes.firstIndex { $0.code == "antimuslimisch" })
        #expect(parentIndex < childIndex, "parents come before their children")
    }

    @Test func theRequiredFacetsArePresentAndTheReporterOnesAreMarked() throws {
        let taxonomy = try realTaxonomy()
        for key in ["ground", "area", "role", "channel"] {
            #expect(taxonomy.facet(key) != nil, "\(key)")
        }
        #expect(taxonomy.facet("ground")?.reporter == true)
        #expect(taxonomy.facet("ground")?.multiValued == true)
        #expect(taxonomy.facet("channel")?.reporter == false)
        #expect(taxonomy.facet("channel")?.code("online_formular") != nil)
    }

    @Test func everyCodeHasALabelInEveryLanguage() throws {
        let taxonomy = try realTaxonomy()
        for facet in taxonomy.facets {
            for code in facet.codes {
                #expect(Set(code.labels.keys) == Set(taxonomy.languages), "\(facet.key).\(code.code)")
            }
        }
    }

    @Test func aMissingFileIsAPolicyErrorNamingTheFile() {
        let missing = Repository.taxonomy.deletingLastPathComponent().appendingPathComponent("no-such-taxonomy.yaml")
        let error = #expect(throws: PolicyError.self) {
            try Taxonomy.load(from: missing)
        }
        #expect(error?.file == missing.path)
        #expect(error?.line == nil)
    }
}
