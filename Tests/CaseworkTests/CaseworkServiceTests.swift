import Casework
import Foundation
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing
import Workflow

@testable import InMemoryStore

@Suite("CaseworkService over the in-memory engine: a report worked from intake to abschluss, access, and the audit trail")
struct CaseworkServiceTests {
    @Test func aReportIsWorkedThroughEveryStepToAbschluss() async throws {
        let fixture = try await ServiceFixture.make()
        let (receipt, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        let service = fixture.casework

        var view = try await service.open(caseID, for: counsellor)
        #expect(view.step == "eingegangen")
        #expect(view.report?.narrative.contains("Wohnungsbesichtigung") == true)
        #expect(view.report?.grounds == ["rassistische_zuschreibung"], "the reporter's own classification")
        #expect(view.deadlines.map(\.rule) == ["erste_rueckmeldung"])
        #expect(view.transitions.map(\.to).contains("erstkontakt"))

        try await service.classify(
            caseID, codes: ["ground": ["antimuslimisch"], "area": ["wohnen"]], flags: [], region: "05315", by: counsellor)
        try await service.addContact(
            ContactLogEntry(
                on: Day(fixture.clock.now), minutes: 40, mode: .telefon, with: "ratsuchende Person",
                interpreting: .lautsprache, language: "Türkisch"), to: caseID, by: counsellor)
        try await service.transition(caseID, TransitionRequest(from: "eingegangen", to: "sachverhaltsklaerung"), by: counsellor)
        try await service.transition(caseID, TransitionRequest(from: "sachverhaltsklaerung", to: "auftragsklaerung"), by: counsellor)
        let letter = TransitionRequest(
            from: "auftragsklaerung", to: "intervention", intervention: "beschwerdebrief",
            counterpart: "Hausverwaltung Süd GmbH")
        try await service.addParty(name: "Hausverwaltung Süd GmbH", role: .gegenseite, to: caseID, by: counsellor)
        await #expect(
            throws: WorkflowRejection.documentMissing(
                document: "vollmacht", intervention: "beschwerdebrief",
                counterpart: "Hausverwaltung Süd GmbH")
        ) {
            try await service.transition(caseID, letter, by: counsellor)
        }
        try await service.addDocument(
            DocumentInput(
                type: "vollmacht", scope: ["beschwerdebrief"], counterpart: "Hausverwaltung Süd GmbH",
                signedOn: Day(fixture.clock.now), note: nil), to: caseID, by: counsellor)
        try await service.transition(caseID, letter, by: counsellor)
        try await service.sendMessage("Wir haben die Hausverwaltung angeschrieben.", to: caseID, by: counsellor)
        try await service.transition(
            caseID, TransitionRequest(from: "intervention", to: "abschluss", outcome: "teilweise_erfolgreich"),
            by: counsellor)
        try await service.transition(caseID, TransitionRequest(from: "abschluss", to: "nachbereitung"), by: counsellor)

        view = try await service.open(caseID, for: counsellor)
        #expect(view.step == "nachbereitung")
        #expect(view.kind == "beratungsfall", "a Meldung became a Beratungsfall when counselling began")
        #expect(view.sheet.outcome == "teilweise_erfolgreich")
        #expect(view.sheet.interventions.map(\.code) == ["beschwerdebrief"])
        #expect(view.counsellorClassification?.codes["ground"] == ["antimuslimisch"])
        #expect(view.counsellorClassification?.month == Day(fixture.clock.now).monthKey)
        // Statistics hold no case key: the sealed classification follows kind, closing, outcome and interventions.
        let counted = try #require(view.counsellorClassification)
        #expect(counted.kind == "beratungsfall", "classified as a Meldung, counted as the Beratungsfall it became")
        #expect(counted.closedMonth == Day(fixture.clock.now).monthKey && counted.outcome == "teilweise_erfolgreich")
        #expect(counted.interventions == ["beschwerdebrief"])
        #expect(view.timeline.filter { $0.kind == .transition }.count == 5)
        #expect(view.timeline.contains { $0.contact?.language == "Türkisch" })
        #expect(view.deadlines.first { $0.rule == "erste_rueckmeldung" }?.state == .met)

        // The reporter reads the reply with the receipt.
        let mailbox = try #require(try await fixture.reporter.read(receipt: receipt, includeReport: false))
        #expect(mailbox.messages.map(\.text) == ["Wir haben die Hausverwaltung angeschrieben."])

        // The audit trail names actions and the case, never the counterpart or the narrative.
        let entries = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 1_000)
        let actions = entries.map(\.event.action)
        for action in [
            "case.viewed", "case.classified", "case.contact_recorded", "case.transitioned", "case.document_recorded",
            "case.message_sent",
        ] {
            #expect(actions.contains(action), "\(action)")
        }
        #expect(!entries.contains { $0.event.subject.contains("Hausverwaltung") || $0.event.subject.contains("Wohnung") })
        #expect(
            try await fixture.store.verifyChain(fixture.officeA.id, key: fixture.signer.publicKey)
                == .intact(count: UInt64(entries.count)))

        // Reopened, the case is open again for statistics, and still counts in the month it arrived.
        try await service.transition(caseID, TransitionRequest(from: "nachbereitung", to: "sachverhaltsklaerung"), by: counsellor)
        let reopened = try #require(try await service.open(caseID, for: counsellor).counsellorClassification)
        #expect(reopened.closedMonth == nil && reopened.outcome == nil && reopened.month == counted.month)
        #expect(reopened.interventions == ["beschwerdebrief"])
    }

    @Test func aStaleTransitionIsRefused() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let first = try await fixture.login("berater.a1")
        let second = try await fixture.login("berater.a2")
        try await fixture.casework.transition(caseID, TransitionRequest(from: "eingegangen", to: "erstkontakt"), by: first)
        await #expect(throws: WorkflowRejection.staleStep(current: "erstkontakt")) {
            try await fixture.casework.transition(caseID, TransitionRequest(from: "eingegangen", to: "kein_kontakt"), by: second)
        }
    }

    @Test func concurrentChangesToOneCaseAllLand() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        let service = fixture.casework
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<6 {
                group.addTask { try await service.addNote("Notiz \(index)", to: caseID, by: counsellor) }
            }
            try await group.waitForAll()
        }
        let view = try await service.open(caseID, for: counsellor)
        #expect(Set(view.timeline.filter { $0.kind == .note }.compactMap(\.text)) == Set((0..<6).map { "Notiz \($0)" }))
        #expect(view.revision == 6)
    }

    @Test func whoMayOpenACase() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let service = fixture.casework
        let lead = try await fixture.login("lead.a")
        let a1 = try await fixture.login("berater.a1")
        let a2 = try await fixture.login("berater.a2")
        let other = try await fixture.login("berater.b")
        let analyst = try await fixture.login("analyse")

        for (name, session) in [("another office's counsellor", other), ("an analyst", analyst)] {
            await #expect(throws: AccessError.notFound, "\(name)") { try await service.open(caseID, for: session) }
            await #expect(throws: AccessError.notFound, "\(name)") { try await service.addNote("x", to: caseID, by: session) }
        }
        #expect(try await service.list(CaseListFilter(), for: other).items.isEmpty)

        // Team access on (the default): every counsellor of the office.
        _ = try await service.open(caseID, for: a2)
        try await service.assign([(username: "berater.a1", role: .beratung)], to: caseID, by: lead)
        await #expect(throws: AccessError.notFound, "only leads change the team setting") { try await service.setTeamAccess(false, by: a1) }
        try await service.setTeamAccess(false, by: lead)
        await #expect(throws: AccessError.notFound) { try await service.open(caseID, for: a2) }
        #expect(try await service.list(CaseListFilter(), for: a2).items.isEmpty)
        _ = try await service.open(caseID, for: a1)
        _ = try await service.open(caseID, for: lead)
        #expect(try await service.list(CaseListFilter(), for: a1).items.map(\.id) == [caseID])
    }

    /// Issue 15, item 2: the first contact is recorded once, though two step changes record it
    /// (erstkontakt, then beratung_beginnen); the first-response deadline stays met by the first.
    @Test func theFirstContactIsRecordedOnce() async throws {
        let fixture = try await ServiceFixture.make()
        let (_, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.transition(caseID, TransitionRequest(from: "eingegangen", to: "erstkontakt"), by: counsellor)
        fixture.clock.advance(days: 3)
        try await fixture.casework.transition(caseID, TransitionRequest(from: "erstkontakt", to: "sachverhaltsklaerung"), by: counsellor)
        let view = try await fixture.casework.open(caseID, for: counsellor)
        let contacts = view.sheet.events.filter { $0.code == "erstkontakt_erfolgt" }
        #expect(contacts.count == 1, "\(view.sheet.events)")
        #expect(contacts.first?.on == view.receivedOn, "the day of the first step change, not of the second")
        #expect(
            try WorkflowPolicy.load(from: Repository.workflow).event("erstkontakt_erfolgt")?.once
                == true)
        #expect(
            try WorkflowPolicy.load(from: Repository.workflow).event("loeschung_verlangt")?.once
                == false,
            "a deletion request may come again")
    }

    @Test func aWithdrawalOfAWorkedCaseAwaitsConfirmationThenShreds() async throws {
        let fixture = try await ServiceFixture.make()
        let (receipt, caseID) = try await fixture.report()
        let counsellor = try await fixture.login("berater.a1")
        try await fixture.casework.classify(caseID, codes: ["ground": ["antisemitismus"]], flags: [], region: nil, by: counsellor)
        try await fixture.casework.transition(caseID, TransitionRequest(from: "eingegangen", to: "erstkontakt"), by: counsellor)

        fixture.clock.advance(days: 2)
        #expect(try await fixture.reporter.withdraw(receipt: receipt) == .loeschungBeantragt)
        let view = try await fixture.casework.open(caseID, for: counsellor)
        #expect(view.step == "loeschung_beantragt")
        let deletion = try #require(view.deadlines.first { $0.rule == "dsgvo_12_3" })
        #expect(deletion.start == Day(fixture.clock.now))
        #expect(view.transitions.map(\.to).sorted() == ["geloescht", "zurueckgezogen"])

        try await fixture.casework.transition(
            caseID, TransitionRequest(from: "loeschung_beantragt", to: "geloescht", confirmed: true), by: counsellor)
        await #expect(throws: AccessError.notFound) { try await fixture.casework.open(caseID, for: counsellor) }
        #expect(try await fixture.reporter.read(receipt: receipt, includeReport: false) == nil)
        let actions = try await fixture.store.auditEntries(chain: fixture.officeA.id, from: 1, limit: 1_000).map(\.event.action)
        #expect(actions.last == "case.shredded")
        // The classification outlives the case, linked to nothing.
        let facets = try fixture.database.read { state in state.facets.values.filter { $0.caseID == nil }.count }
        #expect(facets == 1)
    }

    @Test func aPhoneCaseAndAContactWithoutFile() async throws {
        let fixture = try await ServiceFixture.make()
        let counsellor = try await fixture.login("berater.a1")
        let id = try await fixture.casework.create(
            NewCaseInput(
                kind: "beratungsfall", channel: "telefon", title: "Kündigung nach Kopftuch",
                persons: [AffectedPerson(label: "Frau K.", minor: false)],
                contact: ContactLogEntry(on: Day(fixture.clock.now), minutes: 25, mode: .telefon, with: "Frau K.", interpreting: .keine),
                note: "Rückruf vereinbart"), by: counsellor)
        let view = try await fixture.casework.open(id, for: counsellor)
        #expect(view.assignees.map(\.username) == ["berater.a1"])
        #expect(!view.hasMailbox)
        #expect(view.sheet.title == "Kündigung nach Kopftuch")
        #expect(view.deadlines.first { $0.rule == "erste_rueckmeldung" }?.state == .met, "the first contact was the call itself")
        await #expect(throws: FieldError.self) { try await fixture.casework.sendMessage("Hallo", to: id, by: counsellor) }
        await #expect(throws: FieldError.invalid(field: "channel", message: "'fax' is not a channel of the taxonomy")) {
            _ = try await fixture.casework.create(
                NewCaseInput(kind: "beratungsfall", channel: "fax", title: "", persons: [], contact: nil, note: nil),
                by: counsellor)
        }
        try await fixture.casework.recordTally(channel: "telefon", ground: "lebensalter", referral: "Verbraucherzentrale", by: counsellor)
        let tallies = try await fixture.stores.caseFiles.tallies(officeID: fixture.officeA.id)
        #expect(tallies.map(\.count) == [1])
    }

    @Test func theListFiltersAndPages() async throws {
        let fixture = try await ServiceFixture.make()
        let counsellor = try await fixture.login("berater.a1")
        let lead = try await fixture.login("lead.a")
        var ids: [EntityID] = []
        for index in 0..<7 {
            ids.append(
                try await fixture.casework.create(
                    NewCaseInput(
                        kind: "beratungsfall", channel: "persoenlich", title: "Fall \(index)",
                        persons: [], contact: nil, note: nil),
                    by: index < 3 ? counsellor : lead))
        }
        try await fixture.casework.classify(ids[5], codes: ["ground": ["lebensalter"]], flags: [], region: nil, by: lead)
        var seen: [EntityID] = []
        var cursor: CaseCursor?
        repeat {
            let page = try await fixture.casework.list(CaseListFilter(after: cursor, limit: 3), for: counsellor)
            #expect(page.items.count <= 3)
            seen += page.items.map(\.id)
            cursor = page.next
        } while cursor != nil
        #expect(seen.count == 7 && Set(seen) == Set(ids), "every case once over the pages")
        #expect(try await fixture.casework.list(CaseListFilter(assignment: .mine), for: counsellor).items.count == 3)
        #expect(try await fixture.casework.list(CaseListFilter(step: "erstkontakt"), for: counsellor).items.isEmpty)
        #expect(
            try await fixture.casework.list(CaseListFilter(query: CaseReference.of(ids[4]).lowercased()), for: counsellor).items.map(\.id)
                == [ids[4]])
        #expect(try await fixture.casework.list(CaseListFilter(query: "lebensalter"), for: counsellor).items.map(\.id) == [ids[5]])
        // A reference's first four symbols find its case, in lower case too (issue 15, item 8);
        // a category code that also spells a start ("wohnen") stays a category.
        let start = String(CaseReference.of(ids[4]).prefix(4)).lowercased()
        let byStart = try await fixture.casework.list(CaseListFilter(query: start), for: counsellor).items.map(\.id)
        #expect(byStart.contains(ids[4]))
        #expect(byStart.allSatisfy { CaseReference.of($0).lowercased().hasPrefix(start) })
        try await fixture.casework.classify(ids[6], codes: ["area": ["wohnen"]], flags: [], region: nil, by: lead)
        #expect(try await fixture.casework.list(CaseListFilter(query: "wohnen"), for: counsellor).items.map(\.id) == [ids[6]])
        // Nothing is due yet: a week later every first response is overdue.
        #expect(try await fixture.casework.list(CaseListFilter(due: .overdue), for: counsellor).items.isEmpty)
        fixture.clock.advance(days: 10)
        let overdue = try await fixture.casework.list(CaseListFilter(due: .overdue), for: counsellor).items
        #expect(overdue.isEmpty, "cases recorded by a counsellor have had their first contact")
        let (_, reported) = try await fixture.report()
        fixture.clock.advance(days: 10)
        let late = try await fixture.casework.list(CaseListFilter(due: .overdue), for: counsellor).items
        #expect(late.map(\.id) == [reported])
        #expect(late.first?.urgency == .overdue)
        await #expect(throws: FieldError.self) { _ = try await fixture.casework.list(CaseListFilter(step: "verloren"), for: counsellor) }
    }

    @Test func aClosedCaseLeavesTheDueListsUnlessAWiedervorlageIsSet() async throws {
        let fixture = try await ServiceFixture.make()
        let lead = try await fixture.login("lead.a")
        let (_, reported) = try await fixture.report()
        fixture.clock.advance(days: 20)
        #expect(try await fixture.casework.list(CaseListFilter(due: .overdue), for: lead).items.map(\.id) == [reported])
        try await fixture.casework.transition(
            reported, TransitionRequest(from: "eingegangen", to: "kein_kontakt", reason: "keine Antwort"), by: lead)
        #expect(
            try await fixture.casework.list(CaseListFilter(due: .overdue), for: lead).items.isEmpty,
            "the first-response deadline ended with the counselling")
        #expect(try await fixture.casework.dueDeadlines(for: lead).isEmpty)
        let page = try await fixture.casework.open(reported, for: lead)
        #expect(page.deadlines.contains { $0.state == .overdue }, "the case page still shows the missed deadline")
        let today = Day(fixture.clock.now)
        try await fixture.casework.setDeadline(
            rule: nil, label: "Nachfragen", due: today.adding(days: 3), reason: nil, on: reported, by: lead)
        let soon = try await fixture.casework.list(CaseListFilter(due: .soon), for: lead).items
        #expect(soon.map(\.id) == [reported])
        #expect(soon.first?.deadlines.map(\.label) == ["Nachfragen"], "a closed case lists only the Wiedervorlage")
    }
}
