import Casework
import Foundation
import Hummingbird
import NIOCore

extension MemberPages {
    static let auditPageSize: UInt64 = 50

    /// The office's audit chain, a page at a time (`?from=` is the first sequence number of the
    /// page); without `from` the newest page. Reading it is itself recorded.
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberPage(request) { session, language in
            guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
            let size = Self.auditPageSize
            // The head before this view; the view adds one event of its own, which the newest page shows.
            let head = (try await members.store.auditHead(chain: officeID)?.sequence ?? 0) + 1
            let newest = head > size ? head - size + 1 : 1
            let requested = request.uri.queryParameters["from"].flatMap { UInt64(String($0)) }
            let from = min(max(requested ?? newest, 1), newest)
            let entries = try await members.auditEntries(for: session, from: from, limit: Int(size))
            var values: [String: Any] = [
                "title": language["audit_title"],
                "events": entries.reversed().map { entry -> [String: String] in
                    let label = language.strings["action_\(entry.event.action)"] ?? entry.event.action
                    return ["sequence": String(entry.sequence), "at": entry.event.at, "actor": entry.event.actor,
                            "action": label, "code": entry.event.action, "subject": entry.event.subject]
                },
                "range": entries.isEmpty ? "" : "\(entries[0].sequence)–\(entries[entries.count - 1].sequence)",
            ]
            if from > 1 {
                values["older"] = "/audit?lang=\(language.code)&from=\(from > size ? from - size : 1)"
                values["oldest"] = "/audit?lang=\(language.code)&from=1"
            }
            if UInt64(entries.count) >= size { values["newer"] = "/audit?lang=\(language.code)&from=\(from + size)" }
            return render("audit", language: language, path: "/audit", session: session, values: values)
        }
    }

    /// The signed chain head as a file to keep outside the server: with it, `sichtbar audit
    /// verify --anchor` notices when newer events are later deleted or rewritten. Taking it is
    /// recorded in the chain, as on the command line.
    @Sendable func checkpoint(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberPage(request) { session, _ in
            let checkpoint = try await members.checkpoint(for: session)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            var bytes = Array(try encoder.encode(checkpoint))
            bytes.append(UInt8(ascii: "\n"))
            // The chain id is hex and the sequence a number, so the name needs no quoting rules.
            let name = "sichtbar-checkpoint-\(checkpoint.chain.prefix(8))-\(checkpoint.sequence).json"
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"\(name)\""],
                            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
