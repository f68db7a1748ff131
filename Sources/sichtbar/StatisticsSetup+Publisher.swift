import App
import Casework
import Sealing
import SichtbarCore
import Statistics

extension StatisticsSetup {
    /// The Verband's merge and publication over this server's store, trusting releases signed
    /// with this server's key and `trusted` others (offices on other servers).
    static func publisher(
        stores: Stores, signer: SigningKeyPair, policy: StatisticsPolicy, taxonomy: Taxonomy,
        trusted: [SigningPublicKey] = []
    ) -> VerbandPublisher {
        VerbandPublisher(
            merge: VerbandMerge(policy: policy, taxonomyVersion: taxonomy.version, trustedKeys: [signer.publicKey] + trusted),
            releases: stores.releases, published: stores.publications, signer: signer)
    }
}
