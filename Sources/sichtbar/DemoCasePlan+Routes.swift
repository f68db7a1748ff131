import Casework
import Intake
import Workflow

/// The ways through the workflow of `Policies/workflow.yaml` the demo's cases take, each
/// transition one the policy allows from the step the case is in.
extension DemoCasePlan {
    /// Builds the case from its arrival to `target`; `counselling` says whether a Meldung that
    /// arrived online becomes a Beratungsfall on the way.
    mutating func route(to target: DemoTarget, counselling: Bool) {
        arrive(assigned: !(online && target == .received && random.chance(0.4)))
        switch target {
        case .received:
            return
        case .firstContact:
            firstContact()
        case .facts:
            firstContact()
            beginCounselling()
        case .mandate:
            firstContact()
            beginCounselling()
            clarifyMandate()
        case .intervention:
            firstContact()
            beginCounselling()
            clarifyMandate()
            intervene(scenario.interventions[0])
        case .closed, .followUp:
            if counselling { counselToClose() } else { closeMeldung() }
            if target == .followUp {
                add(.note("Nachbereitung: Fall im Team ausgewertet, Ergebnis für den Jahresbericht anonymisiert festgehalten."))
                go("nachbereitung", after: 7...40)
            }
        case .referred:
            firstContact()
            if counselling && (online || random.chance(0.6)) { beginCounselling() }
            add(.note(DemoTexts.closingReasons[2]))
            go("weitervermittelt", after: 2...20)
        case .noContact:
            if online || random.chance(0.5) { firstContact(reply: false) }
            wait(7...20)
            add(.note("Mehrere Versuche, die Person zu erreichen, blieben ohne Antwort."))
            go("kein_kontakt", after: 0...2)
        case .withdrawn:
            firstContact()
            if counselling {
                beginCounselling()
                clarifyMandate()
            }
            if online {
                wait(1...14)
                add(.reporterMessage("Ich möchte die Sache nicht weiter verfolgen. Danke für Ihre Hilfe."), by: "reporter")
            }
            go("zurueckgezogen", after: 0...5)
        case .deletionRequested, .deleted, .kept:
            firstContact()
            if counselling && (online || random.chance(0.5)) { beginCounselling() }
            wait(5...40)
            if online {
                add(.withdraw, by: "reporter")
                step = WorkflowPolicy.deletionRequestedStep
            } else {
                add(.note("Die Person hat am Telefon verlangt, ihre Daten zu löschen."))
                go(WorkflowPolicy.deletionRequestedStep, after: 0...0)
            }
            if target == .deleted { go("geloescht", after: 2...20) }
            if target == .kept { go("zurueckgezogen", after: 2...20, reason: DemoTexts.keepingReason) }
        case .reopened:
            counselToClose(throughIntervention: true)
            wait(20...120)
            add(.note("Die Person meldet sich erneut: Die Gegenseite hält sich nicht an die Zusage."))
            go("sachverhaltsklaerung", after: 0...0)
            clarifyMandate()
            intervene(scenario.interventions[1])
            if random.chance(0.5) { go("abschluss", after: 14...45, outcome: random.pick(["erfolgreich", "teilweise_erfolgreich"])) }
        }
    }

    /// A report through the form, assigned by the lead; or a case a counsellor records, assigned to them.
    mutating func arrive(assigned: Bool) {
        let others = (staff.counsellors + [staff.lead]).filter { $0 != counsellor }
        if online {
            let wantsCall = random.chance(0.4)
            callable = wantsCall
            add(
                .report(
                    ReportSubmission(
                        language: "de", narrative: scenario.narrative, grounds: scenario.reporterGrounds,
                        area: scenario.codes["area"]?.first, region: random.pick(staff.regions),
                        role: scenario.codes["role"]?.first ?? "betroffen", contactWish: wantsCall ? "contact" : "mailbox",
                        contact: wantsCall ? "Telefon 0000 \(100_000 + index) (erfunden)" : nil, office: staff.officeHex,
                        consent: true)),
                by: "reporter")
            guard assigned else { return }
            wait(0...2)
            var team: [(username: String, role: CaseAssignment.Role)] = [(counsellor, .beratung)]
            if random.chance(0.2) { team.append((random.pick(others), .coBeratung)) }
            add(.assign(team), by: staff.lead)
        } else {
            let channel =
                scenario.organisation
                ? random.pick(["email", "telefon", "persoenlich"])
                : random.weighted([("telefon", 5), ("persoenlich", 3), ("email", 2), ("brief", 1)])
            let mode: ContactLogEntry.Mode = ["email": .email, "brief": .brief, "persoenlich": .persoenlich][channel] ?? .telefon
            add(
                .record(
                    kind: kind, channel: channel, title: scenario.title, persons: persons,
                    contact: contact(with: scenario.organisation ? "Ansprechperson der Organisation" : "ratsuchende Person", mode: mode),
                    note: random.chance(0.5) ? random.pick(DemoTexts.notes) : nil))
            if random.chance(0.15) {
                wait(0...5)
                add(.assign([(counsellor, .beratung), (random.pick(others), random.pick([.coBeratung, .vertretung]))]), by: staff.lead)
            }
        }
    }

    /// The office's first reply (through the mailbox, or a call where the reporter left a number),
    /// perhaps answered by the reporter.
    mutating func firstContact(reply: Bool = true) {
        wait(0...4)
        if online {
            add(.message(DemoTexts.officeMessages[random.int(0...1)]))
            if reply && random.chance(0.5) {
                wait(1...4)
                add(.reporterMessage(random.pick(DemoTexts.reporterMessages)), by: "reporter")
                wait(0...2)
            }
            if callable { add(.contact(contact())) }
        }
        go("erstkontakt", after: 0...0)
    }

    /// Counselling begins: the facts are clarified, the case described and classified.
    mutating func beginCounselling() {
        go("sachverhaltsklaerung", after: 1...10)
        if online { add(.describe(title: scenario.title, persons: persons)) }
        wait(1...10)
        add(.contact(contact()))
        add(.note(random.pick(DemoTexts.notes)))
        wait(0...7)
        classify()
    }

    mutating func clarifyMandate() {
        go("auftragsklaerung", after: 5...20)
        add(.note("Auftrag geklärt: die Person möchte, dass die Gegenseite Stellung nimmt."))
    }

    /// An intervention with the documents its gate asks for; the counterpart hears from the office.
    mutating func intervene(_ code: String) {
        wait(2...10)
        documents(for: code)
        go("intervention", after: 0...3, intervention: code)
        if online { add(.message(DemoTexts.officeMessages[2])) }
        if random.chance(0.5) {
            wait(7...21)
            add(.contact(contact(with: "Gegenseite", mode: random.pick([.telefon, .brief, .email]))))
        }
    }
}
