import Casework
import Foundation
import Hummingbird
import SichtbarCore

/// The privacy notice of each office (Art. 13 DSGVO, § 15 KDG, § 17 DSG-EKD), built from the
/// office's profile, its law and the retention policy, and the short layer above the form's
/// consent box that summarises it.
extension ReporterPages {
    @Sendable func privacyNotice(_ request: Request, context: AppRequestContext) async throws -> Response {
        let language = pages.language(of: request)
        let offices = try await services.reporter.store.offices().filter(\.profile.takesReports)
        let asked = request.uri.queryParameters["office"].map(String.init)
        guard let asked else {
            return privacyPage(language, path: "/privacy", offices: Self.officeLinks(offices))
        }
        guard let office = offices.first(where: { $0.id.hex == asked.lowercased() }) else {
            return privacyPage(language, status: .notFound, path: "/privacy", offices: Self.officeLinks(offices))
        }
        return privacyPage(language, path: "/privacy?office=\(office.id.hex)", notice: noticeView(office, language))
    }

    private func privacyPage(
        _ language: Catalogue, status: HTTPResponse.Status = .ok, path: String,
        offices: [PrivacyView.OfficeLink]? = nil, notice: PrivacyView.Notice? = nil
    ) -> Response {
        let page = PrivacyView(title: language["privacy_title"], offices: offices, notice: notice)
        return pages.render("privacy", status: status, language: language, path: path, settings: services.settings, page: page)
    }

    static func officeLinks(_ offices: [Office]) -> [PrivacyView.OfficeLink] {
        offices.map { PrivacyView.OfficeLink(id: $0.id.hex, name: $0.name, city: $0.profile.city ?? "") }
    }

    /// The full notice of one office whose profile is complete (`takesReports`).
    func noticeView(_ office: Office, _ language: Catalogue) -> PrivacyView.Notice {
        let profile = office.profile
        let law = profile.law ?? .dsgvo
        let citations = law.citations
        let retention = services.retention
        var contact: PrivacyView.Contact?
        if profile.address != nil || profile.phone != nil || profile.email != nil {
            contact = PrivacyView.Contact(
                address: profile.address ?? "", phone: profile.phone ?? "",
                phoneLink: profile.phone.map(Self.telephoneLink) ?? "",
                email: profile.email ?? "", emailLink: profile.email.map { "mailto:\($0)" } ?? "")
        }
        return PrivacyView.Notice(
            id: office.id.hex,
            intro: language.text("privacy_intro", ["office": office.name]),
            law: language.text("privacy_law", ["law": law.title]),
            controller: profile.controller ?? "",
            dpo: profile.dpo ?? "",
            basis: language.text("privacy_basis", ["basis": citations.basis, "withdrawal": citations.withdrawal]),
            retentionReport: language.text("privacy_retention_report", ["report_months": "\(retention.reportMonths)"]),
            retentionCase: language.text("privacy_retention_case", ["case_years": "\(retention.closedCaseYears)"]),
            retentionUnclassified: language.text(
                "privacy_retention_unclassified",
                ["unclassified_months": "\(retention.unclassifiedMonths)"]),
            rights: language.text("privacy_rights", ["rights": citations.rights]),
            complaint: language.text("privacy_authority", ["complaint": citations.complaint]),
            // The office may name its authority more precisely (an address); the law decides which it is.
            authority: profile.authorityName ?? law.authority.name,
            authorityWebsite: law.authority.website,
            contact: contact)
    }

    /// The short layer above the consent box: who receives, what is kept and how long, nothing
    /// to authorities, withdrawal with the receipt; the full notice is one link away.
    func consentLayer(_ language: Catalogue, office: Office?) -> ReportFormView.Consent {
        let retention = services.retention
        return ReportFormView.Consent(
            stored: language.text(
                "consent_stored",
                [
                    "report_months": "\(retention.reportMonths)",
                    "case_years": "\(retention.closedCaseYears)",
                ]),
            noticeURL: "/privacy?lang=\(language.code)" + (office.map { "&office=\($0.id.hex)" } ?? ""))
    }
}
