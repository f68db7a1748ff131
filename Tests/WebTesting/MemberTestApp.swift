import App
import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Web

/// A web application with members: every service as `serve` wires them (`AppServices.make`),
/// over the in-memory engine (or the stores a test passes: SQLite, whose rows it tampers with),
/// one office with a lead, the real taxonomy and templates. Failed logins are not slowed
/// down (the throttle has its own tests) and rotations finish without a grace period.
public struct MemberTestApp: Sendable {
    /// The passphrase of the lead and of every member `addMember` adds, unless told otherwise.
    public static let passphrase = "Kompass-Rhein-Laterne-42"

    public let stores: Stores
    public var store: any MemberStore { stores.members }
    public let signer: SigningKeyPair
    public let app: AppServices
    public var members: MemberService { app.members }
    public var casework: CaseworkService { app.casework }
    public let services: WebServices
    public let office: Office
    public let officeKeys: OfficeKeys
    public let leadName: String
    public let leadPassphrase: String
    public var notificationHealth: NotificationHealth { app.notificationHealth }

    /// - Parameters:
    ///   - signer: the server key (audit heads, releases).
    ///   - stores: the engine's stores, over `signer` (`Stores.inMemory` if nil).
    ///   - addressWindow: how long a client address's failed logins take to refill (the policy's
    ///     10 minutes if nil); a test that exhausts them sets a day, so no token comes back while
    ///     a loaded machine runs it.
    public init(
        officeName: String = "Beratung Köln", lead: String = "lead.koeln", leadPassphrase: String = Self.passphrase,
        signer: SigningKeyPair = SigningKeyPair(), stores: Stores? = nil, addressWindow: Duration? = nil
    ) async throws {
        self.leadName = lead
        self.leadPassphrase = leadPassphrase
        self.signer = signer
        let stores = stores ?? .inMemory(signer: signer)
        self.stores = stores
        var policies = try PolicySet.load(from: Repository.policies)
        // The built-in access and passphrase policies; failed logins are not slowed down here.
        policies.access = AccessPolicy()
        policies.access.baseDelay = .zero
        // Every suite runs at once on two cores: a login may wait long for the hashing pool.
        policies.access.hashingMaximumWait = .seconds(120)
        if let addressWindow { policies.access.addressWindow = addressWindow }
        policies.passphrases = PassphrasePolicy()
        app = try await AppServices.make(
            store: stores, policies: policies, templates: Repository.templates,
            secrets: AppSecrets(signer: signer, lookupKey: SecureBytes(randomCount: 32)), rotationGrace: .zero)
        let keys = try OfficeKeys.generate()
        officeKeys = keys
        office = try await stores.setup.createOffice(
            name: officeName,
            profile: OfficeProfile(
                city: "Köln", regions: ["05315"], controller: "Träger e. V.",
                law: .dsgvo, dpo: "datenschutz@example.org"), keys: keys)
        try await stores.setup.createMember(
            username: lead, role: .lead, office: office, keys: keys,
            passphrase: SecureBytes(utf8: leadPassphrase))
        services = app.web(settings: WebSettings(intakePerAddressPerHour: 0, intakeGlobalPerSecond: 0, mailboxPerAddressPerMinute: 0))
    }

    public func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: buildRouter(services)).test(.router, body)
    }

    /// A member of this office (or of `office`, sealed with `keys`), created as `sichtbar user add` does.
    public func addMember(
        _ username: String, role: MemberRole = .counsellor, passphrase: String = Self.passphrase,
        office: Office? = nil, keys: OfficeKeys? = nil
    ) async throws {
        _ = try await stores.setup.createMember(
            username: username, role: role, office: office ?? self.office, keys: keys ?? officeKeys,
            passphrase: SecureBytes(utf8: passphrase))
    }

    /// The Verband with one analyst, as `sichtbar verband init` sets it up, and its key confirmed
    /// by the office's lead (who compares the fingerprint the Verband gave them).
    public func createVerband(analyst username: String, passphrase: String) async throws {
        let verband = try await store.createVerband(name: "Verband West", analyst: username, passphrase: SecureBytes(utf8: passphrase))
        let lead = try await members.authenticate(username: leadName, passphrase: SecureBytes(utf8: leadPassphrase))
        try await members.confirmVerbandKey(fingerprint: KeyFingerprint.of(verband.publicKey), by: lead)
    }
}
