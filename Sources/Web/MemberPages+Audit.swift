import Casework
import Foundation
import Hummingbird
import NIOCore
import SichtbarCore

extension MemberPages {
    static let auditPageSize: UInt64 = 50

    /// The office's audit chain, a page at a time (`?from=` is the first sequence number of the
    /// page); without `from` the newest page. Reading it is itself recorded.
    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberPage(request, context) { session, language in
            guard session.isLead, let officeID = session.officeID else { throw AccessError.notFound }
            let size = Self.auditPageSize
            let time = PageTime(language: language.code)
            let parameters = request.uri.queryParameters
            func value(_ name: String) -> String? { parameters[name[...]].map(String.init).flatMap { $0.isEmpty ? nil : $0 } }
            var filter = AuditFilter(actor: value("member"))
            var problems: [String] = []
            if let reference = value("case"), !filter.setCase(reference) { problems.append(language["audit_filter_case_bad"]) }
            if let dayText = value("day") {
                if let day = Day(iso: dayText) { filter.setDay(day) } else { problems.append(language["audit_filter_day_bad"]) }
            }
            let staff = try await members.store.members(officeID: officeID).map(\.username).sorted()
            // The parts every audit page shares; the events and page links differ.
            func page(_ events: [AuditView.Event], range: String?, older: String?, oldest: String?, newer: String?) -> AuditView {
                AuditView(
                    title: language["audit_title"],
                    memberChoices: staff.map { AuditView.MemberChoice(value: $0, selected: $0 == filter.actor) },
                    filterCase: value("case") ?? "", filterDay: value("day") ?? "",
                    filtered: !filter.isEmpty || !problems.isEmpty,
                    problems: problems, events: events, range: range, older: older, oldest: oldest, newer: newer)
            }
            if !filter.isEmpty || !problems.isEmpty {
                // Filtered: newest first, a page at a time backwards (`before`).
                let before = value("before").flatMap { UInt64($0) }
                let entries =
                    problems.isEmpty ? try await members.auditEntries(for: session, filter: filter, before: before, limit: Int(size)) : []
                var older: String?
                if UInt64(entries.count) == size, let last = entries.last {
                    var query = ["lang=\(language.code)", "before=\(last.sequence)"]
                    for name in ["member", "case", "day"] {
                        if let text = value(name)?.addingPercentEncoding(withAllowedCharacters: .alphanumerics) {
                            query.append("\(name)=\(text)")
                        }
                    }
                    older = "/audit?" + query.joined(separator: "&")
                }
                let view = page(entries.map { eventRow($0, language, time) }, range: nil, older: older, oldest: nil, newer: nil)
                return render("audit", language: language, path: "/audit", session: session, page: view)
            }
            // The head before this view; the view adds one event of its own, which the newest page shows.
            let head = (try await members.store.auditHead(chain: officeID)?.sequence ?? 0) + 1
            let newest = head > size ? head - size + 1 : 1
            let requested = request.uri.queryParameters["from"].flatMap { UInt64(String($0)) }
            let from = min(max(requested ?? newest, 1), newest)
            let entries = try await members.auditEntries(for: session, from: from, limit: Int(size))
            let view = page(
                entries.reversed().map { eventRow($0, language, time) },
                range: entries.isEmpty ? "" : "\(entries[0].sequence)–\(entries[entries.count - 1].sequence)",
                older: from > 1 ? "/audit?lang=\(language.code)&from=\(from > size ? from - size : 1)" : nil,
                oldest: from > 1 ? "/audit?lang=\(language.code)&from=1" : nil,
                newer: UInt64(entries.count) >= size ? "/audit?lang=\(language.code)&from=\(from + size)" : nil)
            return render("audit", language: language, path: "/audit", session: session, page: view)
        }
    }

    /// One row of the audit table: the time in Berlin, the action's label, and a case subject as
    /// a link to the case under its reference (the rest of the subject after it).
    func eventRow(_ entry: AuditEntry, _ language: Catalogue, _ time: PageTime) -> AuditView.Event {
        let event = entry.event
        var caseLink: AuditView.CaseLink?
        let isCase = ["case.", "report.", "integrity."].contains { event.action.hasPrefix($0) }
        if isCase, let id = EntityID(hex: String(event.subject.prefix(32))) {
            caseLink = AuditView.CaseLink(
                url: "/cases/\(id.hex)?lang=\(language.code)", reference: CaseReference.of(id),
                rest: String(event.subject.dropFirst(32)).trimmingCharacters(in: .whitespaces))
        }
        return AuditView.Event(
            sequence: String(entry.sequence), at: event.at, atText: time.time(stamp: event.at), actor: event.actor,
            action: language.strings["action_\(event.action)"] ?? event.action, code: event.action, subject: event.subject,
            caseLink: caseLink)
    }

    /// The signed chain head as a file to keep outside the server: with it, `sichtbar audit
    /// verify --anchor` notices when newer events are later deleted or rewritten. Taking it is
    /// recorded in the chain, as on the command line.
    @Sendable func checkpoint(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberPage(request, context) { session, _ in
            let checkpoint = try await members.checkpoint(for: session)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            var bytes = Array(try encoder.encode(checkpoint))
            bytes.append(UInt8(ascii: "\n"))
            // The chain id is hex and the sequence a number, so the name needs no quoting rules.
            let name = "sichtbar-checkpoint-\(checkpoint.chain.prefix(8))-\(checkpoint.sequence).json"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "application/json; charset=utf-8",
                    .contentDisposition: "attachment; filename=\"\(name)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
