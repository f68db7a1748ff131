import Casework
import Foundation
import SichtbarCore
import Statistics
import Workflow

@testable import Web

extension StatisticsPresentation {
    /// The German statistics pages over the shipped policies, for tests of what they print.
    static func germanOverShippedPolicies() throws -> StatisticsPresentation {
        let taxonomy = try Taxonomy.load(from: TestApp.root.appendingPathComponent("Policies/taxonomy.yaml"))
        let workflow = try WorkflowPolicy.load(from: TestApp.root.appendingPathComponent("Policies/workflow.yaml"))
        let policy = try StatisticsPolicy.load(
            from: TestApp.root.appendingPathComponent("Policies/statistics.yaml"),
            vocabulary: StatVocabulary(taxonomy: taxonomy, workflow: workflow))
        let strings = try Catalogue.loadAll(from: TestApp.root.appendingPathComponent("Templates/i18n"))["de"]?.strings ?? [:]
        return StatisticsPresentation(policy: policy, taxonomy: taxonomy, workflow: workflow, strings: strings, language: "de")
    }
}
