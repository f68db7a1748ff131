import Foundation
import Members
import Sealing
import SichtbarCore
import Statistics

/// The pieces `make` wires, each on its own for a command that needs only it and has no
/// templates or lookup key: the member commands, `stats release`, `stats merge`.
extension AppServices {
    /// The member service over `store`.
    public static func memberService(
        store: Stores, access: AccessPolicy, passphrases: PassphrasePolicy, rotationGrace: Duration
    ) throws -> MemberService {
        try MemberService(store: store.members, policy: access, rotationGrace: rotationGrace, passphrases: passphrases)
    }

    /// A lead's tables and releases over `store`, signed with `signer` (the server key).
    public static func releases(
        store: Stores, policies: PolicySet, signer: SigningKeyPair, clock: @escaping @Sendable () -> Date = { Date() }
    ) -> ReleaseService {
        let office = OfficeStatistics(
            store: store.statistics, members: store.members, policy: policies.statistics,
            vocabulary: StatVocabulary(taxonomy: policies.taxonomy, workflow: policies.workflow), today: { Day(clock()) })
        return ReleaseService(statistics: office, releases: store.releases, signer: signer, now: clock)
    }

    /// The Verband's merge and publication over `store`, trusting releases signed with `signer`
    /// (this server's key) and `trusted` others (offices on other servers).
    public static func publisher(
        store: Stores, policies: PolicySet, signer: SigningKeyPair, trusted: [SigningPublicKey] = [],
        clock: @escaping @Sendable () -> Date = { Date() }
    ) -> VerbandPublisher {
        VerbandPublisher(
            merge: VerbandMerge(
                policy: policies.statistics, taxonomyVersion: policies.taxonomy.version, trustedKeys: [signer.publicKey] + trusted),
            releases: store.releases, published: store.publications, signer: signer, now: clock)
    }
}
