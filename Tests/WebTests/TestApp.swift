import App
import Casework
import Foundation
import Hummingbird
import HummingbirdTesting
import Intake
import NIOCore
import Sealing
import SichtbarCore

@testable import Web

/// A web application over the in-memory store, the real taxonomy and the real templates.
struct TestApp {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    let store: InMemoryReportStore
    let services: WebServices
    let offices: [Office]

    init(
        settings: WebSettings = WebSettings(intakePerAddressPerHour: 0, intakeGlobalPerSecond: 0, mailboxPerAddressPerMinute: 0),
        healthy: Bool = true
    ) async throws {
        // Köln (Caritas, KDG) is the fallback; Essen's privacy notice lacks its facts, so it
        // is offered to no one and takes no report.
        offices = [
            Office(
                id: .random(), name: "Beratung Köln", publicKey: BoxKeyPair().publicKey, keyVersion: 1,
                profile: OfficeProfile(
                    city: "Köln", phone: "0221 / 00 00-0", languages: ["de", "tr", "ar"], regions: ["05315"],
                    controller: "Caritasverband Köln (Test)", law: .kdg, dpo: "datenschutz@example.org"),
                isFallback: true),
            Office(
                id: .random(), name: "Beratung Dortmund", publicKey: BoxKeyPair().publicKey, keyVersion: 1,
                profile: OfficeProfile(
                    city: "Dortmund", regions: ["05913"], controller: "AWO Dortmund (Test)", law: .dsgvo,
                    dpo: "Datenschutz AWO, datenschutz@example.org")),
            Office(
                id: .random(), name: "Beratung Essen", publicKey: BoxKeyPair().publicKey, keyVersion: 1,
                profile: OfficeProfile(city: "Essen", regions: ["05113"])),
        ]
        store = InMemoryReportStore(offices: offices)
        // Every service as `serve` wires them over the in-memory engine; intake goes to this
        // double, whose offices and failing writes the reporter tests set.
        let signer = SigningKeyPair()
        let app = try await AppServices.make(
            store: Stores.inMemory(signer: signer).replacing(reports: store, health: FixedHealth(writable: healthy)),
            policies: try PolicySet.load(from: Self.root.appendingPathComponent("Policies")),
            templates: Self.root.appendingPathComponent("Templates"),
            secrets: AppSecrets(signer: signer, lookupKey: SecureBytes(randomCount: 32)))
        services = app.web(settings: settings)
    }

    func test<Value>(_ body: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let app = Application(router: buildRouter(services))
        return try await app.test(.router, body)
    }
}

extension TestClientProtocol {
    func postJSON(_ uri: String, _ json: String) async throws -> TestResponse {
        try await execute(uri: uri, method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: json))
    }
}
