import App
import Casework
import Foundation
import Sealing
import SichtbarCore
import Statistics
import Web
import Workflow

/// Builds the statistics services over the SQLite store: the policy from `statistics.yaml`, a
/// lead's releases signed with the server key, and the Verband's publications checked against it.
enum StatisticsSetup {
    static func policy(policies: URL, taxonomy: Taxonomy, workflow: WorkflowPolicy) throws -> StatisticsPolicy {
        do {
            return try StatisticsPolicy.load(
                from: policies.appendingPathComponent("statistics.yaml"),
                vocabulary: StatVocabulary(taxonomy: taxonomy, workflow: workflow))
        } catch let error as PolicyError {
            throw CLIError.badInput("policy refused: \(error)")
        }
    }

    static func services(
        stores: Stores, signer: SigningKeyPair, policy: StatisticsPolicy, taxonomy: Taxonomy, workflow: WorkflowPolicy,
        now: @escaping @Sendable () -> Date = { Date() }
    ) -> StatisticsServices {
        let statistics = OfficeStatistics(
            store: stores.statistics, members: stores.members, policy: policy,
            vocabulary: StatVocabulary(taxonomy: taxonomy, workflow: workflow), today: { Day(now()) })
        let releases = ReleaseService(statistics: statistics, releases: stores.releases, signer: signer, now: now)
        return StatisticsServices(
            releases: releases, published: stores.publications, publisherKey: signer.publicKey,
            publisher: publisher(stores: stores, signer: signer, policy: policy, taxonomy: taxonomy))
    }
}

extension StatisticsSetup {
    /// The statistics services of a command: policies from `--policies`, the store of `--data`.
    static func services(context: MemberContext, resources: ResourceOptions) throws -> StatisticsServices {
        let (taxonomy, workflow, policy) = try policies(resources)
        return services(stores: context.stores, signer: context.secrets.signing, policy: policy, taxonomy: taxonomy, workflow: workflow)
    }

    static func policies(_ resources: ResourceOptions) throws -> (Taxonomy, WorkflowPolicy, StatisticsPolicy) {
        do {
            let folder = try resources.policiesURL()
            let taxonomy = try Taxonomy.load(from: folder.appendingPathComponent("taxonomy.yaml"))
            let workflow = try WorkflowPolicy.load(from: folder.appendingPathComponent("workflow.yaml"))
            return (taxonomy, workflow, try policy(policies: folder, taxonomy: taxonomy, workflow: workflow))
        } catch let error as PolicyError {
            throw CLIError.badInput("policy refused: \(error)")
        }
    }
}
