import Casework
import Foundation
import Members
import SichtbarCore
import Statistics
import Workflow

/// Every policy file of a `Policies/` folder, loaded and checked against each other once.
public struct PolicySet: Sendable {
    public var taxonomy: Taxonomy
    public var access: AccessPolicy
    public var passphrases: PassphrasePolicy
    public var retention: RetentionPolicy
    public var workflow: WorkflowPolicy
    public var statistics: StatisticsPolicy

    /// Throws `PolicyError` naming the file and the entry a policy refuses.
    public static func load(from folder: URL) throws -> PolicySet {
        let taxonomy = try Taxonomy.load(from: folder.appendingPathComponent("taxonomy.yaml"))
        let workflowFile = folder.appendingPathComponent("workflow.yaml")
        let workflow = try WorkflowPolicy.load(from: workflowFile)
        try workflow.check(against: taxonomy, file: workflowFile.path)
        return PolicySet(
            taxonomy: taxonomy, access: try AccessPolicy.load(from: folder.appendingPathComponent("access.yaml")),
            passphrases: try PassphrasePolicy.load(from: folder.appendingPathComponent(PassphrasePolicy.fileName)),
            retention: try RetentionPolicy.load(from: folder.appendingPathComponent(RetentionPolicy.fileName)),
            workflow: workflow,
            statistics: try StatisticsPolicy.load(
                from: folder.appendingPathComponent("statistics.yaml"),
                vocabulary: StatVocabulary(taxonomy: taxonomy, workflow: workflow)))
    }
}
