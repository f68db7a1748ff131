import CaseStore
import Casework
import Foundation
import Members
import Sealing
import SichtbarCore

/// Synthetic offices and members for `sichtbar demo` (its casework is planned by `DemoPlanner`). Every name is invented.
enum DemoData {
    struct DemoOffice {
        let name: String
        let profile: OfficeProfile
        let members: [(username: String, role: MemberRole)]
    }

    static let offices = [
        DemoOffice(
            name: "Antidiskriminierungsberatung Köln (Demo)",
            profile: OfficeProfile(
                city: "Köln", address: "Musterstraße 1, 50667 Köln",
                hours: "Di 10–13 Uhr, Do 14–17 Uhr und nach Vereinbarung", phone: "0221 000000",
                email: "ada-koeln@example.org", languages: ["de", "en", "tr", "ar"],
                regions: ["05315", "05362", "05378", "05382"],
                controller: "Caritasverband (Demo), Musterstraße 1, 50667 Köln", law: .kdg,
                dpo: "datenschutz@example.org", authority: "Katholisches Datenschutzzentrum Dortmund"),
            members: [("lead.koeln", .lead), ("berater.koeln", .counsellor), ("beraterin.koeln", .counsellor)]),
        DemoOffice(
            name: "ADA-Beratungsstelle Dortmund (Demo)",
            profile: OfficeProfile(
                city: "Dortmund", address: "Beispielweg 2, 44135 Dortmund",
                hours: "Mo 9–12 Uhr, Mi 13–16 Uhr", phone: "0231 000000",
                email: "ada-dortmund@example.org", languages: ["de", "en", "ru", "uk"],
                regions: ["05911", "05913", "05914", "05978"],
                controller: "AWO Unterbezirk (Demo), Beispielweg 2, 44135 Dortmund", law: .dsgvo,
                dpo: "datenschutz-awo@example.org",
                authority: "Landesbeauftragte für Datenschutz und Informationsfreiheit NRW"),
            members: [("lead.dortmund", .lead), ("berater.dortmund", .counsellor), ("beraterin.dortmund", .counsellor)]),
    ]

    /// Creates the offices and members, as if set up at `start`; returns them with their generated
    /// passphrases, and a session for each member opened with the key pair made at enrolment (so
    /// playing the casework costs no Argon2id login).
    static func createOffices(_ setup: any StoreSetup, store: any MemberStore, at start: Date) async throws
        -> (created: [(Office, [(String, String, MemberRole)])], sessions: [String: Session])
    {
        var result: [(Office, [(String, String, MemberRole)])] = []
        var sessions: [String: Session] = [:]
        for demo in offices {
            let (office, keys) = try await OfficeSetup.createOffice(setup, name: demo.name, profile: demo.profile)
            var members: [(String, String, MemberRole)] = []
            for (username, role) in demo.members {
                let passphrase = generatePassphrase()
                let (member, keyPair) = try await OfficeSetup.createMember(
                    setup, members: store, username: username, role: role, office: office,
                    keys: keys, passphrase: SecureBytes(utf8: passphrase))
                sessions[username] = Session(member: member, keys: keyPair)
                members.append((username, passphrase, role))
            }
            try await store.record(
                [.member("operator", .officeCreated, office.id.hex, at: start)]
                    + members.map { .member("operator", .memberEnrolled, $0.0, at: start) }, chain: office.id)
            result.append((office, members))
        }
        // Köln receives, as the Verband's fallback, reports from regions neither office serves.
        if let fallback = result.first?.0 {
            try await setup.setFallbackOffice(fallback.id)
            try await store.record([.member("operator", .officeFallbackSet, fallback.id.hex, at: start)], chain: fallback.id)
        }
        return (result, sessions)
    }

    /// The demo Verband with one analyst.
    static func createVerband(_ store: any MemberStore) async throws -> (Verband, [(String, String, MemberRole)]) {
        let passphrase = generatePassphrase()
        let verband = try await store.createVerband(
            name: "Demo-Verband der Freien Wohlfahrtspflege NRW",
            analyst: "analyse.verband", passphrase: SecureBytes(utf8: passphrase))
        return (verband, [("analyse.verband", passphrase, .analyst)])
    }

    static func generatePassphrase() -> String {
        let words = [
            "Sonne", "Brücke", "Tanne", "Feder", "Rhein", "Lampe", "Wolke", "Garten", "Kompass", "Anker",
            "Birke", "Hafen", "Laterne", "Möwe", "Quelle", "Spiegel", "Teller", "Ufer", "Wiese", "Zeltplatz",
        ]
        return (0..<4).map { _ in words[random(words.count)] }.joined(separator: "-") + "-\(10 + random(90))"
    }

    /// Passphrases come from libsodium, never from the demo's seed.
    static func random(_ upperBound: Int) -> Int { Int(Sodium.randomUniform(UInt32(upperBound))) }
}
