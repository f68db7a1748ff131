import Casework
import Foundation
import Hummingbird
import Intake
import OpenAPIHummingbird
import OpenAPIRuntime
import ReporterContract
import Sealing

/// The reporter's JSON API of CONTRACT.md (no login, no cookie), behind the interface generated
/// from Templates/api/openapi.yaml. What every route shares is middleware, so a handler holds only
/// its own logic: rate limits and the body's media type and size before decoding
/// (`ReporterRateLimit`, `JSONBodyGate`), the contract's error body (`DomainErrorMiddleware`) and
/// the padding of mailbox answers (`MailboxPaddingMiddleware`), on the router group.
struct ReporterAPI: APIProtocol {
    let services: WebServices

    /// JSON as every other answer of this server: sorted keys, slashes unescaped.
    static let configuration = Configuration(jsonEncodingOptions: [.sortedKeys, .withoutEscapingSlashes])

    /// Registers the generated routes and the evidence upload (multipart, still on the Router) on
    /// `group`, which carries `RequestScopeMiddleware`, `DomainErrorMiddleware` and the padding.
    func addRoutes(to group: RouterGroup<AppRequestContext>) {
        do {
            try registerHandlers(
                on: group, configuration: Self.configuration,
                middlewares: [AcceptIgnoring(), ReporterRateLimit(services: services), JSONBodyGate()])
        } catch {
            // Only an unusable server URL throws, and the default one (`/`) is fixed.
            preconditionFailure("the reporter API's routes could not be registered: \(error)")
        }
        group.post("api/v1/mailbox/files", use: addFile)
    }

    func listOffices(_ input: Operations.ListOffices.Input) async throws -> Operations.ListOffices.Output {
        // Only offices whose privacy notice is complete take reports, so only they are listed.
        let offices = try await services.reporter.store.offices().filter(\.profile.takesReports)
        return .ok(.init(body: .json(.init(offices: offices.map { Self.publicOffice($0, taxonomy: services.taxonomy) }))))
    }

    func submitReport(_ input: Operations.SubmitReport.Input) async throws -> Operations.SubmitReport.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        // Refusals and store failures are answered by `DomainErrorMiddleware`.
        let acknowledged = try await services.reporter.submit(ReportSubmission(body))
        return .created(.init(body: .json(Self.receipt(acknowledged))))
    }

    func readMailbox(_ input: Operations.ReadMailbox.Input) async throws -> Operations.ReadMailbox.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let receipt = try Self.parse(body.receipt)
        guard
            let view = try await storeCall({
                try await services.reporter.read(receipt: receipt, includeReport: body.includeReport ?? false)
            })
        else { throw APIError.receiptUnknown }
        return .ok(.init(body: .json(Self.mailbox(view))))
    }

    func sendMailboxMessage(_ input: Operations.SendMailboxMessage.Input) async throws -> Operations.SendMailboxMessage.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let receipt = try Self.parse(body.receipt)
        let added = try await storeCall { try await services.reporter.addMessage(receipt: receipt, text: body.text) }
        guard added else { throw APIError.receiptUnknown }
        return .created(.init(body: .json(.init(status: .sent))))
    }

    func withdrawReport(_ input: Operations.WithdrawReport.Input) async throws -> Operations.WithdrawReport.Output {
        guard case .json(let body) = input.body else { throw APIError.unsupportedMediaType }
        let receipt = try Self.parse(body.receipt)
        guard let status = try await storeCall({ try await services.reporter.withdraw(receipt: receipt) }) else {
            throw APIError.receiptUnknown
        }
        return .ok(.init(body: .json(.init(status: try Self.withdrawn(status)))))
    }

    static func parse(_ text: String) throws -> Receipt {
        do {
            return try Receipt.parse(text)
        } catch {
            throw APIError.receiptMalformed
        }
    }

    /// An unknown receipt is a mailbox route's own answer; other refusals go to `DomainErrorMiddleware`.
    func storeCall<Value>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch StoreError.notFound {
            throw APIError.receiptUnknown
        }
    }
}
