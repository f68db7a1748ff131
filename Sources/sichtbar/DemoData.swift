import CaseStore
import Casework
import Foundation
import Sealing

/// Synthetic offices, members and reports for `sichtbar demo`. Every narrative is invented.
enum DemoData {
    struct DemoOffice {
        let name: String
        let profile: OfficeProfile
        let members: [(username: String, role: MemberRole)]
    }

    static let offices = [
        DemoOffice(
            name: "Antidiskriminierungsberatung Köln (Demo)",
            profile: OfficeProfile(city: "Köln", address: "Musterstraße 1, 50667 Köln",
                                   hours: "Di 10–13 Uhr, Do 14–17 Uhr und nach Vereinbarung", phone: "0221 000000",
                                   email: "ada-koeln@example.org", languages: ["de", "en", "tr", "ar"],
                                   regions: ["05315", "05362", "05378", "05382"],
                                   controller: "Caritasverband (Demo), Musterstraße 1, 50667 Köln", law: .kdg,
                                   dpo: "datenschutz@example.org", authority: "Katholisches Datenschutzzentrum Dortmund"),
            members: [("lead.koeln", .lead), ("berater.koeln", .counsellor)]),
        DemoOffice(
            name: "ADA-Beratungsstelle Dortmund (Demo)",
            profile: OfficeProfile(city: "Dortmund", address: "Beispielweg 2, 44135 Dortmund",
                                   hours: "Mo 9–12 Uhr, Mi 13–16 Uhr", phone: "0231 000000",
                                   email: "ada-dortmund@example.org", languages: ["de", "en", "ru", "uk"],
                                   regions: ["05911", "05913", "05914", "05978"],
                                   controller: "AWO Unterbezirk (Demo), Beispielweg 2, 44135 Dortmund", law: .dsgvo,
                                   dpo: "datenschutz-awo@example.org",
                                   authority: "Landesbeauftragte für Datenschutz und Informationsfreiheit NRW"),
            members: [("lead.dortmund", .lead), ("berater.dortmund", .counsellor)]),
    ]

    static let narratives = [
        "Bei der Wohnungsbesichtigung sagte der Vermieter, an „solche Leute“ vermiete er nicht.",
        "Im Jobcenter wurde ich angeschrien und mein Antrag ohne Prüfung abgelehnt.",
        "Meine Tochter wird in der Schule wegen ihres Kopftuchs von einer Lehrkraft bloßgestellt.",
        "Der Türsteher ließ meine Freunde und mich nicht in den Club, andere Gäste schon.",
        "Bei einer Kontrolle am Bahnhof wurde nur ich durchsucht, sonst niemand.",
        "In der Arztpraxis bekam ich keinen Termin, nachdem ich meinen Namen gesagt hatte.",
        "Im Bewerbungsgespräch wurde ich gefragt, ob ich wegen meines Alters noch belastbar sei.",
        "Die Bank lehnte ein Konto ab, weil mein Aufenthaltstitel befristet ist.",
        "Im Bus wurde ich antisemitisch beleidigt; der Fahrer griff nicht ein.",
        "Mit meinem Rollstuhl komme ich nicht in das Bürgeramt, einen anderen Weg gibt es nicht.",
        "Auf der Arbeit werden Witze über meine Herkunft gemacht, die Leitung lacht mit.",
        "Der Kita-Platz wurde uns verweigert, weil wir noch nicht gut Deutsch sprechen.",
    ]

    /// Creates the offices and members; returns them with their generated passphrases.
    static func createOffices(_ database: AppDatabase, store: SQLiteMemberStore) async throws -> [(Office, [(String, String, MemberRole)])] {
        var result: [(Office, [(String, String, MemberRole)])] = []
        for demo in offices {
            let (office, keys) = try await OfficeSetup.createOffice(database, name: demo.name, profile: demo.profile)
            var members: [(String, String, MemberRole)] = []
            for (username, role) in demo.members {
                let passphrase = generatePassphrase()
                _ = try await OfficeSetup.createMember(database, username: username, role: role, office: office, keys: keys,
                                                       passphrase: SecureBytes(utf8: passphrase))
                members.append((username, passphrase, role))
            }
            try await store.record([.member("operator", .officeCreated, office.id.hex)]
                                   + members.map { .member("operator", .memberEnrolled, $0.0) }, chain: office.id)
            result.append((office, members))
        }
        return result
    }

    /// The demo Verband with one analyst.
    static func createVerband(_ store: SQLiteMemberStore) async throws -> (Verband, [(String, String, MemberRole)]) {
        let passphrase = generatePassphrase()
        let verband = try await store.createVerband(name: "Demo-Verband der Freien Wohlfahrtspflege NRW",
                                                    analyst: "analyse.verband", passphrase: SecureBytes(utf8: passphrase))
        return (verband, [("analyse.verband", passphrase, .analyst)])
    }

    /// Seals `count` synthetic reports received over the last two years; returns a few receipts.
    static func createReports(_ service: ReporterService, store: any ReportStore, taxonomy: Taxonomy, count: Int,
                              today: Date = Date()) async throws -> [String] {
        let offices = try await store.offices()
        let grounds = taxonomy.facet("ground")?.codes.map(\.code) ?? []
        let areas = taxonomy.facet("area")?.codes.map(\.code) ?? []
        let roles = taxonomy.facet("role")?.codes.map(\.code) ?? []
        let regions = offices.flatMap(\.profile.regions) + taxonomy.regions.map(\.key).prefix(10)
        var receipts: [String] = []
        for index in 0..<count {
            let received = Day(today.addingTimeInterval(-Double(random(730)) * 86_400))
            let incidentDay = Day(Day.berlin.date(from: DateComponents(year: received.year, month: received.month,
                                                                       day: received.day))?
                .addingTimeInterval(-Double(random(60)) * 86_400) ?? today)
            let submission = ReportSubmission(
                language: index % 5 == 0 ? "en" : "de", narrative: narratives[index % narratives.count],
                incidentDate: incidentDay.iso, grounds: [pick(grounds)] + (index % 4 == 0 ? [pick(grounds)] : []),
                area: pick(areas), region: pick(regions), role: pick(roles),
                contactWish: index % 3 == 0 ? "contact" : "mailbox",
                contact: index % 3 == 0 ? "Telefon 0000 \(100_000 + index) (erfunden)" : nil)
            let report = try service.validator.validate(submission, offices: offices, today: received)
            let (intake, receipt) = try service.seal(report, on: received)
            try await store.submit(intake)
            if receipts.count < 3 && report.content.contactWish == .mailbox { receipts.append(receipt.formatted) }
        }
        return receipts
    }

    static func generatePassphrase() -> String {
        let words = ["Sonne", "Brücke", "Tanne", "Feder", "Rhein", "Lampe", "Wolke", "Garten", "Kompass", "Anker",
                     "Birke", "Hafen", "Laterne", "Möwe", "Quelle", "Spiegel", "Teller", "Ufer", "Wiese", "Zeltplatz"]
        return (0..<4).map { _ in words[random(words.count)] }.joined(separator: "-") + "-\(10 + random(90))"
    }

    static func random(_ upperBound: Int) -> Int { Int(Sodium.randomUniform(UInt32(upperBound))) }
    static func pick(_ values: [String]) -> String { values[random(values.count)] }
}
