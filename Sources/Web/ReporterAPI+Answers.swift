import Intake
import ReporterContract
import ScanScrubbing
import SichtbarCore

/// The domain's answers as the generated types of the contract.
extension ReporterAPI {
    typealias Schemas = Components.Schemas

    /// An answer the domain gave that the contract has no word for: a 500, never a guess.
    struct OutsideContract: Error {
        let value: String
    }

    static func publicOffice(_ office: Office, taxonomy: Taxonomy) -> Schemas.PublicOffice {
        let profile = office.profile
        return Schemas.PublicOffice(
            id: office.id.hex, name: office.name, city: profile.city, address: profile.address, hours: profile.hours,
            phone: profile.phone, email: profile.email, languages: profile.languages,
            regions: profile.regions.map { .init(key: $0, name: taxonomy.region($0)?.name ?? $0) },
            dataProtection: .init(
                controller: profile.controller, law: profile.law.map(law), dpo: profile.dpo, authority: profile.authorityName))
    }

    static func law(_ law: DataProtectionLaw) -> Schemas.PublicOffice.DataProtectionPayload.LawPayload {
        switch law {
        case .dsgvo: .dsgvo
        case .kdg: .kdg
        case .dsgEkd: .dsgEkd
        }
    }

    static func receipt(_ acknowledged: ReportAcknowledgement) -> Schemas.ReportReceipt {
        Schemas.ReportReceipt(
            receipt: acknowledged.receipt.formatted, status: .eingegangen,
            office: .init(id: acknowledged.office.id.hex, name: acknowledged.office.name),
            firstResponseBy: acknowledged.firstResponseBy.map { .init(value1: $0.iso) })
    }

    static func mailbox(_ view: MailboxView) -> Schemas.MailboxAnswer {
        Schemas.MailboxAnswer(
            status: status(view.status),
            messages: view.messages.filter { $0.file == nil }.map { message in
                .init(from: message.from == .office ? .office : .reporter, text: message.text, on: message.on.iso)
            },
            files: view.messages.compactMap { message in
                message.file.map { .init(_type: mediaType($0.mediaType), size: $0.size, sha256: $0.hash, on: message.on.iso) }
            },
            report: view.report.map(report))
    }

    static func report(_ content: ReportContent) -> Schemas.ReportContent {
        Schemas.ReportContent(
            language: content.language, narrative: content.narrative, incidentDate: content.incidentDate?.iso,
            learnedDate: content.learnedDate?.iso, grounds: content.grounds, area: content.area, region: content.region,
            role: content.role, contactWish: content.contactWish.rawValue, submittedOn: content.submittedOn.iso)
    }

    static func status(_ status: ReporterStatus) -> Schemas.ReporterStatus {
        switch status {
        case .eingegangen: .eingegangen
        case .inBearbeitung: .inBearbeitung
        case .abgeschlossen: .abgeschlossen
        case .loeschungBeantragt: .loeschungBeantragt
        case .geloescht: .geloescht
        }
    }

    static func mediaType(_ type: ScannedFile.MediaType) -> Schemas.MailboxAnswer.FilesPayloadPayload._TypePayload {
        switch type {
        case .jpeg: .imageJpeg
        case .png: .imagePng
        case .pdf: .applicationPdf
        }
    }

    /// A withdrawal ends shredded or with deletion requested; the contract knows no other end.
    static func withdrawn(_ status: ReporterStatus) throws -> Schemas.WithdrawAnswer.StatusPayload {
        switch status {
        case .geloescht: return .geloescht
        case .loeschungBeantragt: return .loeschungBeantragt
        case .eingegangen, .inBearbeitung, .abgeschlossen: throw OutsideContract(value: status.rawValue)
        }
    }
}
