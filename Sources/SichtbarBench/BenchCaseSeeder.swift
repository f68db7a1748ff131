import CaseStore
import Casework
import Foundation
import Sealing
import SichtbarCore
import Workflow

/// Fills an office with sealed cases the way the casework service would have left them — keys
/// sealed to the office, a sealed sheet with its events, three sealed timeline entries,
/// assignees, a sealed classification for most — and writes them with
/// `SQLiteMemberStore.createMany`, thousands per transaction. Cases are sealed on two tasks while
/// the previous batch is written.
struct BenchCaseSeeder {
    let office: Office
    let keys: OfficeKeys
    let staff: [(member: Member, weight: Int)]
    let deadlines: DeadlineTracker
    let taxonomyVersion: String
    let today: Day

    /// Over five years most cases are closed; the open ones arrived in the last year.
    static let steps: [(step: String, open: Bool, weight: Int)] = [
        ("abschluss", false, 35), ("nachbereitung", false, 25), ("weitervermittelt", false, 8), ("kein_kontakt", false, 7),
        ("zurueckgezogen", false, 7), ("eingegangen", true, 2), ("erstkontakt", true, 3), ("sachverhaltsklaerung", true, 4),
        ("auftragsklaerung", true, 3), ("intervention", true, 5), ("loeschung_beantragt", true, 1),
    ]
    static let areas = [
        "arbeit", "wohnen", "schule", "gesundheit", "aemter_behoerden", "polizei_justiz", "gueter_dienstleistungen", "oeffentlicher_raum",
    ]
    static let perpetrators = ["privatperson", "unternehmen", "vermieter", "bildungseinrichtung", "polizei", "behoerde_kommune"]
    static let protections = ["agg_anwendbar", "agg_nicht_anwendbar_bereich", "agg_nicht_anwendbar_merkmal", "ladg"]
    static let regions = ["05913", "05315", "05111", "05515", "05711", "05334"]
    static let grounds = [
        "antisemitismus", "antimuslimisch", "anti_schwarz", "lebensalter", "sprache", "behinderung_chronische_krankheit",
        "geschlecht_geschlechtsidentitaet", "sozialer_status",
    ]

    func seed(_ count: Int, into store: SQLiteCaseFileStore, batch: Int = 5_000) async throws {
        var written = 0
        var pending: Task<([NewCaseFile], [EntityID: SealedFacets]), any Error>? = Task { try await make(min(batch, count)) }
        while let task = pending {
            let (files, facets) = try await task.value
            written += files.count
            let next = min(batch, count - written)
            pending = next > 0 ? Task { try await make(next) } : nil
            try await store.createMany(files, facets: facets)
        }
    }

    /// `count` sealed cases, made on two tasks.
    func make(_ count: Int) async throws -> ([NewCaseFile], [EntityID: SealedFacets]) {
        try await withThrowingTaskGroup(of: [(NewCaseFile, SealedFacets?)].self) { group in
            for half in [count / 2, count - count / 2] {
                group.addTask { try (0..<half).map { _ in try makeCase() } }
            }
            var files: [NewCaseFile] = []
            var facets: [EntityID: SealedFacets] = [:]
            for try await part in group {
                for (file, sealed) in part {
                    files.append(file)
                    facets[file.id] = sealed
                }
            }
            return (files, facets)
        }
    }

    func makeCase() throws -> (NewCaseFile, SealedFacets?) {
        let id = EntityID.random()
        let caseKeys = CaseKeys.generate()
        let (step, open) = Self.weighted(Self.steps.map { (($0.step, $0.open), $0.weight) })
        let received = today.adding(days: -Int.random(in: step == "eingegangen" ? 1...14 : open ? 1...365 : 30...1_825))
        let kind =
            ["intervention", "sachverhaltsklaerung", "auftragsklaerung"].contains(step)
            ? "beratungsfall"
            : Self.weighted([("meldung", 35), ("beratungsfall", 50), ("organisationsberatung", 15)])
        var sheet = CaseSheet(title: "Benchmark-Fall \(CaseReference.of(id))", persons: [AffectedPerson(label: "Person A.", minor: false)])
        if step != "eingegangen" { sheet.events.append(RecordedEvent(code: "erstkontakt_erfolgt", on: received.adding(days: 2))) }
        if open && Int.random(in: 0..<3) == 0 {
            // A running legal deadline: § 15 Abs. 4 AGG from a rejection in the last three months.
            sheet.events.append(RecordedEvent(code: "ablehnung_zugegangen", on: max(received, today.adding(days: -Int.random(in: 1...90)))))
        }
        if open && Int.random(in: 0..<4) == 0 {
            sheet.manualDeadlines.append(
                ManualDeadline(
                    rule: nil, label: "Wiedervorlage", due: today.adding(days: Int.random(in: -20...30)),
                    reason: nil))
        }
        if step == "loeschung_beantragt" {
            sheet.events.append(RecordedEvent(code: "loeschung_verlangt", on: max(received, today.adding(days: -Int.random(in: 1...40)))))
        }
        if !open { sheet.closedOn = received.adding(days: Int.random(in: 7...120)) }
        let events = [RecordedEvent(code: "eingang", on: received)] + sheet.events
        let member = Self.weighted(staff.map { ($0.member, $0.weight) })
        let at = AuditEvent.timestamp(Date())
        let entries = [
            TimelineEntry(at: at, actor: member.username, kind: .created, text: "\(kind) telefon"),
            TimelineEntry(at: at, actor: member.username, kind: .note, text: "Erstgespräch geführt, Unterlagen angefordert."),
            TimelineEntry(at: at, actor: member.username, kind: .contact),
        ]
        let records =
            try [RecordCodec.seal(sheet, kind: .sheet, caseID: id, key: caseKeys.caseKey, revision: 0)]
            + entries.map { try RecordCodec.seal($0, kind: .entry, caseID: id, key: caseKeys.caseKey) }
        var assignees = [CaseAssignment(memberID: member.id, username: member.username, role: .beratung)]
        if Int.random(in: 0..<5) == 0, let other = staff.map(\.member).filter({ $0.id != member.id }).randomElement() {
            assignees.append(CaseAssignment(memberID: other.id, username: other.username, role: .coBeratung))
        }
        let file = NewCaseFile(
            id: id, officeID: office.id, keyVersion: office.keyVersion, sealedKeys: caseKeys.seal(to: office.publicKey),
            kind: kind, step: step, channel: Self.weighted([("telefon", 4), ("persoenlich", 3), ("email", 2)]),
            receivedOn: received,
            nextDue: deadlines.nextDue(
                events: events, manual: sheet.manualDeadlines, fields: sheet.legalFields(deadlines.policy), today: today, closed: !open),
            records: records, assignees: assignees, audit: [.member(member.username, .caseCreated, id.hex)],
            closedOn: sheet.closedOn,
            authenticator: CaseIntegrity.tag(
                caseID: id, revision: 0, records: records.map(CaseIntegrity.Entry.init),
                caseKey: caseKeys.caseKey))
        guard Int.random(in: 0..<10) < 7 else { return (file, nil) }
        let grounds = Array(Set((0..<Int.random(in: 1...2)).compactMap { _ in Self.grounds.randomElement() })).sorted()
        let codes: [String: [String]] = [
            "ground": grounds, "area": [Self.areas.randomElement() ?? "wohnen"],
            "perpetrator": [Self.perpetrators.randomElement() ?? "privatperson"],
            "legal_protection": [Self.protections.randomElement() ?? "agg_anwendbar"],
        ]
        let classification = CaseClassification(
            taxonomy: taxonomyVersion, month: received.monthKey, kind: kind, codes: codes,
            flags: grounds.count > 1 ? ["mehrdimensional"] : [], region: Self.regions.randomElement(),
            closedMonth: sheet.closedOn?.monthKey, outcome: sheet.closedOn == nil ? nil : "erfolgreich",
            interventions: open ? [] : ["beschwerdebrief"])
        return (file, try FacetCodec.seal(classification, officeID: office.id, keyVersion: office.keyVersion, key: keys.statisticsKey))
    }

    static func weighted<T>(_ choices: [(T, Int)]) -> T {
        var roll = Int.random(in: 0..<choices.reduce(0) { $0 + $1.1 })
        for (value, weight) in choices {
            if roll < weight { return value }
            roll -= weight
        }
        return choices[choices.count - 1].0
    }
}
