import Casework
import Foundation
import Hummingbird
import Intake
import NIOCore
import ScanScrubbing
import Sealing
import SichtbarCore

extension ReporterPages {
    @Sendable func mailboxForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        return mailboxPage(language, status: .ok)
    }

    @Sendable func openMailbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxRead) { language, form, receipt in
            try await showMailbox(language, receipt: receipt, includeReport: form["includeReport"] == "yes", notice: nil)
        }
    }

    @Sendable func sendMessage(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxMessage) { language, form, receipt in
            do {
                guard try await services.reporter.addMessage(receipt: receipt, text: form["text"] ?? "") else {
                    return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
                }
            } catch is FieldError {
                return try await showMailbox(
                    language, receipt: receipt, includeReport: false, notice: nil,
                    error: language["mailbox_message_empty"], status: .unprocessableContent)
            }
            return try await showMailbox(
                language, receipt: receipt, includeReport: false, notice: language["mailbox_sent"],
                status: .created)
        }
    }

    @Sendable func sendFile(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxFile) { language, form, receipt in
            do {
                guard try await services.reporter.addFile(receipt: receipt, bytes: form.files.first ?? []) else {
                    return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
                }
            } catch let failure as FieldError {
                let key = Self.fileErrorKey(failure)
                return try await showMailbox(
                    language, receipt: receipt, includeReport: false, notice: nil,
                    error: language[key], status: .unprocessableContent)
            }
            return try await showMailbox(
                language, receipt: receipt, includeReport: false, notice: language["mailbox_file_sent"],
                status: .created)
        }
    }

    @Sendable func withdraw(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await withMailbox(request, context, purpose: .mailboxWithdraw) { language, form, receipt in
            guard form["confirm"] == "yes" else {
                return try await showMailbox(
                    language, receipt: receipt, includeReport: false, notice: nil,
                    error: language["withdraw_confirm_missing"], status: .unprocessableContent)
            }
            // The two outcomes differ in text; both are padded to the size of the longer one, so
            // an observer of the traffic cannot tell whether a counsellor had touched the case.
            let size = ResponsePadding.target(
                max(
                    noticeSize(language, "withdrawn", link: Self.withdrawnLink),
                    noticeSize(language, "withdraw_requested", link: Self.requestedLink)))
            switch try await services.reporter.withdraw(receipt: receipt) {
            case .geloescht?:
                return notice(language, "withdrawn", status: .ok, link: Self.withdrawnLink, size: size)
            case .some:
                return notice(language, "withdraw_requested", status: .ok, link: Self.requestedLink, size: size)
            case nil:
                return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
            }
        }
    }

    /// The common checks of every mailbox form: origin, rate, token, receipt; store failures as a page.
    private func withMailbox(
        _ request: Request, _ context: AppRequestContext, purpose: FormTokens.Purpose,
        _ body: (Catalogue, PostedForm, Receipt) async throws -> Response
    ) async throws -> Response {
        let language = pages.language(of: request)
        if let refusal = refuseCrossSite(request, language) { return refusal }
        let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
        guard services.mailboxPerAddress.allow(address) else {
            return notice(language, "rate_limited", status: .tooManyRequests, link: ("/mailbox", "back_to_mailbox"))
        }
        return try await admittingUploads(request, language, link: ("/mailbox", "back_to_mailbox")) {
            let form = try await formFields(request)
            switch services.tokens.redeem(form["token"], for: purpose) {
            case .valid: break
            // A mailbox form is good once: a copied or replayed one opens, sends or withdraws nothing.
            case .alreadyUsed: return notice(language, "mailbox_form_invalid", status: .conflict, link: ("/mailbox", "back_to_mailbox"))
            case .expired, .invalid:
                return notice(language, "mailbox_form_invalid", status: .badRequest, link: ("/mailbox", "back_to_mailbox"))
            }
            guard let receipt = try? Receipt.parse(form["receipt"] ?? "") else {
                return mailboxPage(language, status: .badRequest, error: language["mailbox_malformed"])
            }
            do {
                return try await body(language, form, receipt)
            } catch is StoreError {
                return notice(language, "mailbox_unavailable", status: .serviceUnavailable, link: ("/mailbox", "back_to_mailbox"))
            }
        }
    }

    /// A form with files is read only while `UploadGate` has a place (the bytes stay in memory
    /// until they are sealed); beyond it, a 503 notice before the body is read. Forms without
    /// files pass straight through.
    func admittingUploads(
        _ request: Request, _ language: Catalogue, link: (path: String, label: String),
        _ body: () async throws -> Response
    ) async throws -> Response {
        guard RequestBody.isMultipart(request) else { return try await body() }
        if let response = try await services.uploads.admit(body) { return response }
        return notice(language, "unavailable", status: .serviceUnavailable, link: link)
    }

    private func showMailbox(
        _ language: Catalogue, receipt: Receipt, includeReport: Bool, notice: String?,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        guard let view = try await services.reporter.read(receipt: receipt, includeReport: includeReport) else {
            return mailboxPage(language, status: .notFound, error: language["mailbox_unknown"])
        }
        let dates = WrittenDay(language: language.code)
        let office = try await services.reporter.store.offices().first { $0.id == view.officeID }
        // Once deletion is requested (or done) there is nothing left to withdraw, nor to add to.
        let open = ![.loeschungBeantragt, .geloescht].contains(view.status)
        let opened = MailboxPageView.Opened(
            office: office.map { language.text("mailbox_office", ["office": $0.name]) } ?? "",
            receipt: receipt.formatted,
            statusLabel: language["status_\(view.status.rawValue)"],
            statusExplain: language["status_\(view.status.rawValue)_explain"],
            mayWithdraw: open,
            mayAddFile: open && view.files.count < ReporterService.maxFiles,
            fileToken: services.tokens.issue(.mailboxFile),
            messages: view.messages.map { message in
                MailboxPageView.Message(
                    from: message.from.rawValue, text: message.text, on: message.on.iso,
                    file: message.file.map {
                        "\(Self.typeName($0.mediaType)), \(ByteCountFormatter.string(fromByteCount: Int64($0.size), countStyle: .file))"
                    } ?? "",
                    onText: dates.text(message.on),
                    sender: language[message.from == .office ? "mailbox_from_office" : "mailbox_from_reporter"])
            },
            messageToken: services.tokens.issue(.mailboxMessage),
            withdrawToken: services.tokens.issue(.mailboxWithdraw),
            report: view.report.map {
                MailboxPageView.Report(narrative: $0.narrative, incidentDate: $0.incidentDate.map(dates.text) ?? "")
            })
        return mailboxPage(language, status: status, error: error, notice: notice, opened: opened)
    }

    private func mailboxPage(
        _ language: Catalogue, status: HTTPResponse.Status, error: String? = nil, notice: String? = nil,
        opened: MailboxPageView.Opened? = nil
    ) -> Response {
        pages.renderPadded(
            "mailbox", status: status, language: language, path: "/mailbox", settings: services.settings,
            page: MailboxPageView(
                title: language["mailbox_title"], readToken: services.tokens.issue(.mailboxRead), notice: notice, error: error,
                opened: opened))
    }

    // MARK: Offices

}
