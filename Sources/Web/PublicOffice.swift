import Casework
import SichtbarCore

/// An office as `GET /api/v1/offices` shows it: its public face, nothing about members or cases.
struct PublicOffice: Encodable {
    struct Region: Encodable {
        let key: String
        let name: String
    }

    let id: String
    let name: String
    let city: String?
    let address: String?
    let hours: String?
    let phone: String?
    let email: String?
    let languages: [String]
    let regions: [Region]
    let dataProtection: DataProtection

    struct DataProtection: Encodable {
        let controller: String?
        let law: String?
        let dpo: String?
        let authority: String?
    }

    init(_ office: Office, taxonomy: Taxonomy) {
        id = office.id.hex
        name = office.name
        city = office.profile.city
        address = office.profile.address
        hours = office.profile.hours
        phone = office.profile.phone
        email = office.profile.email
        languages = office.profile.languages
        regions = office.profile.regions.map { Region(key: $0, name: taxonomy.region($0)?.name ?? $0) }
        dataProtection = DataProtection(
            controller: office.profile.controller, law: office.profile.law?.rawValue,
            dpo: office.profile.dpo, authority: office.profile.authorityName)
    }

    static func list(_ offices: [Office], taxonomy: Taxonomy) -> [String: [PublicOffice]] {
        ["offices": offices.map { PublicOffice($0, taxonomy: taxonomy) }]
    }
}
