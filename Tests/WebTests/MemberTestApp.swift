import App
import CaseStore
import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import Members
import NIOCore
import Sealing
import SichtbarCore
import Statistics
import Workflow

@testable import Web

/// Which engine a test application runs on: in memory unless the test reaches into SQLite rows
/// (tampering with a stored case, a seal, a retention date) to see how the routes answer.
enum TestEngine: Sendable {
    case inMemory
    case sqlite
}

/// A web application with members: every service as `serve` wires them (`AppServices.make`),
/// over the in-memory engine (or in-memory SQLite), one office with a lead, the real taxonomy
/// and templates. Failed logins are not slowed down (the throttle has its own tests) and
/// rotations finish without a grace period.
struct MemberTestApp {
    let stores: Stores
    /// The SQLite engine's own stores, for the tests that run on it.
    let sqlite: SQLiteStores?
    var store: any MemberStore { stores.members }
    let signer = SigningKeyPair()
    let app: AppServices
    var members: MemberService { app.members }
    var casework: CaseworkService { app.casework }
    let services: WebServices
    let office: Office
    let officeKeys: OfficeKeys
    let leadName: String
    let leadPassphrase: String
    var notificationHealth: NotificationHealth { app.notificationHealth }

    init(
        officeName: String = "Beratung Köln", lead: String = "lead.koeln",
        leadPassphrase: String = "Kompass-Rhein-Laterne-42", engine: TestEngine = .inMemory
    ) async throws {
        self.leadName = lead
        self.leadPassphrase = leadPassphrase
        switch engine {
        case .inMemory:
            sqlite = nil
            stores = .inMemory(signer: signer)
        case .sqlite:
            let sqlite = SQLiteStores(database: try AppDatabase.inMemory(), signer: signer)
            self.sqlite = sqlite
            stores = Stores(sqlite)
        }
        var policies = try PolicySet.load(from: TestApp.root.appendingPathComponent("Policies"))
        // The built-in access and passphrase policies; failed logins are not slowed down here.
        policies.access = AccessPolicy()
        policies.access.baseDelay = .zero
        policies.passphrases = PassphrasePolicy()
        app = try await AppServices.make(
            store: stores, policies: policies, templates: TestApp.root.appendingPathComponent("Templates"),
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

    /// The SQLite database of an application made with `engine: .sqlite`.
    func database() throws -> AppDatabase {
        guard let sqlite else { throw CaseFileStoreError.notFound }
        return sqlite.database
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        try await Application(router: buildRouter(services)).test(.router, body)
    }

    /// A member of this office (or of `office`, sealed with `keys`), created as `sichtbar user add` does.
    func addMember(
        _ username: String, role: MemberRole = .counsellor, passphrase: String = "Kompass-Rhein-Laterne-42",
        office: Office? = nil, keys: OfficeKeys? = nil
    ) async throws {
        _ = try await stores.setup.createMember(
            username: username, role: role, office: office ?? self.office, keys: keys ?? officeKeys,
            passphrase: SecureBytes(utf8: passphrase))
    }

    /// The Verband with one analyst, as `sichtbar verband init` sets it up, and its key confirmed
    /// by the office's lead (who compares the fingerprint the Verband gave them).
    func createVerband(analyst username: String, passphrase: String) async throws {
        let verband = try await store.createVerband(name: "Verband West", analyst: username, passphrase: SecureBytes(utf8: passphrase))
        let lead = try await members.authenticate(username: leadName, passphrase: SecureBytes(utf8: leadPassphrase))
        try await members.confirmVerbandKey(fingerprint: KeyFingerprint.of(verband.publicKey), by: lead)
    }
}

extension TestClientProtocol {
    func json(_ uri: String, _ method: HTTPRequest.Method, token: String? = nil, _ body: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// Logs in and returns the bearer token.
    func login(_ username: String, _ passphrase: String) async throws -> String {
        let response = try await json("/api/v1/sessions", .post, #"{"username": "\#(username)", "passphrase": "\#(passphrase)"}"#)
        let object = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
        guard response.status == .created, let token = object?["token"] as? String else {
            throw TestFailure("login of \(username) answered \(response.status)")
        }
        return token
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
