import Casework
import Foundation
import SichtbarCore
import Statistics
import Workflow

/// The repository's policies, found from this file's path, and classifications to count.
enum StatisticsFixtures {
    static let policies = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Policies")

    static func vocabulary() throws -> StatVocabulary {
        StatVocabulary(
            taxonomy: try Taxonomy.load(from: policies.appendingPathComponent("taxonomy.yaml")),
            workflow: try WorkflowPolicy.load(from: policies.appendingPathComponent("workflow.yaml")))
    }

    static func policy() throws -> StatisticsPolicy {
        try StatisticsPolicy.load(from: policies.appendingPathComponent("statistics.yaml"), vocabulary: try vocabulary())
    }

    static func facts(
        _ month: String, kind: String = "beratungsfall", ground: [String] = [], area: String? = nil, region: String? = nil,
        closed: String? = nil, outcome: String? = nil, interventions: [String] = []
    ) -> CaseFacts {
        var codes: [String: [String]] = [:]
        if !ground.isEmpty { codes["ground"] = ground }
        if let area { codes["area"] = [area] }
        return CaseFacts(
            taxonomy: "1", month: month, kind: kind, codes: codes, flags: [], region: region, closedMonth: closed,
            outcome: outcome, interventions: interventions)
    }
}
