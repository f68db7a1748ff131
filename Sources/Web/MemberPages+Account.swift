import Casework
import Foundation
import Hummingbird
import Members
import Sealing
import SichtbarCore

extension MemberPages {
    @Sendable func account(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberPage(request, context) { session, language in
            try await accountPage(session, language, status: .ok, notice: confirmation(request, language, known: ["passphrase", "notify"]))
        }
    }

    /// Re-wraps the member's key under a new passphrase. The repeat is compared here; the
    /// current passphrase and the rules for the new one are the member service's.
    @Sendable func changePassphrase(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            let current = form["current"] ?? ""
            let new = form["new"] ?? ""
            func refuse(_ field: String, _ key: String) async throws -> Response {
                try await accountPage(session, language, status: .unprocessableContent, error: (field, language[key]))
            }
            if current.isEmpty || current.utf8.count > 1024 { return try await refuse("current", "account_error_current") }
            if new.isEmpty || new.utf8.count > 1024 { return try await refuse("new", "error_passphrase_rules") }
            if new != form["repeat"] { return try await refuse("repeat", "error_passphrase_mismatch") }
            do {
                let address = ClientAddress.resolve(request: request, context: context, trustedProxy: services.settings.trustedProxy)
                try await members.changePassphrase(
                    for: session, current: SecureBytes(utf8: current), new: SecureBytes(utf8: new),
                    from: address)
            } catch let refusal as FieldError {
                let field = refusal.field
                return try await refuse(
                    field == "current" ? "current" : "new",
                    field == "current" ? "account_error_current" : "error_passphrase_rules")
            }
            return redirect("/account", language, done: "passphrase")
        }
    }

    /// Sets or removes the member's own notification address; a malformed one is refused naming the field.
    @Sendable func changeNotificationAddress(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await memberForm(request, context) { session, language, form in
            guard session.worksCases else { throw AccessError.notFound }
            let settings = services.notificationSettings
            let text = form["notify"] ?? ""
            do {
                try await settings.setAddress(text, by: session)
            } catch is FieldError {
                return try await accountPage(
                    session, language, status: .unprocessableContent, error: ("notify", language["account_notify_invalid"]),
                    posted: text)
            }
            return redirect("/account", language, done: "notify")
        }
    }

    /// Who the member is: username, role, and their office (or the Verband, for analysts).
    func accountPage(
        _ session: Session, _ language: Catalogue, status: HTTPResponse.Status,
        notice: String? = nil, error: (field: String, text: String)? = nil, posted: String? = nil
    ) async throws -> Response {
        let organisation: String?
        if let officeID = session.officeID {
            organisation = try await members.store.office(id: officeID)?.name
        } else {
            organisation = try await members.store.verband()?.name
        }
        var notifications: AccountView.Notifications?
        if session.worksCases {
            let settings = services.notificationSettings
            let address = try await settings.address(for: session)
            notifications = AccountView.Notifications(address: posted ?? address?.value ?? "")
        }
        let page = AccountView(
            title: language["account_title"], username: session.username,
            role: language["role_\(session.role.rawValue)"], organisation: organisation ?? "",
            organisationLabel: language[session.officeID == nil ? "account_verband" : "account_office"],
            fingerprint: session.keyFingerprint,
            keyProblems: session.keyProblems.isEmpty ? nil : session.keyProblems.map { Self.keyProblemText($0, language) },
            hasKeyProblems: !session.keyProblems.isEmpty,
            notifications: notifications, notice: notice,
            error: error.map { AccountView.Problem(text: $0.text, field: $0.field) },
            invalid: error.map { [$0.field: true] })
        return render("account", status: status, language: language, path: "/account", session: session, page: page)
    }
}
