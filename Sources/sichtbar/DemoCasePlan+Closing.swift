/// How the demo's cases close: a Meldung documented, a Kurzberatung, counselling ended without
/// an intervention, or the full way through interventions with every deadline met.
extension DemoCasePlan {
    /// A Meldung closes after the office's first reply (a recorded one may close at once).
    mutating func closeMeldung() {
        if online || random.chance(0.5) { firstContact() }
        if random.chance(0.8) {
            wait(0...5)
            classify()
        }
        go(
            "abschluss", after: 0...10,
            outcome: random.weighted([("dokumentiert", 5), ("information", 2), ("verweis", 2), ("kurzberatung", 1)]))
    }

    /// A counselling case to abschluss; `throughIntervention` forces the full way.
    mutating func counselToClose(throughIntervention: Bool = false) {
        firstContact()
        let way = throughIntervention ? 0 : random.weighted([(0, 60), (1, online ? 0 : 25), (2, 20)])
        switch way {
        case 1:
            // Kurzberatung straight from the first contact (not for a report still a Meldung).
            go("abschluss", after: 0...7, outcome: random.pick(["kurzberatung", "information", "verweis"]))
        case 2:
            beginCounselling()
            if random.chance(0.5) { clarifyMandate() }
            go(
                "abschluss", after: 3...30, outcome: random.pick(["abgebrochen", "information", "verweis"]),
                reason: random.pick(DemoTexts.closingReasons))
        default:
            beginCounselling()
            let legal = scenario.legal.flatMap { random.chance(0.6) ? $0.events : nil }
            if let legal { add(.event(legal.start, daysBefore: random.int(3...25))) }
            clarifyMandate()
            intervene(scenario.interventions[0])
            // The letter in the person's name is the written claim.
            if let legal { add(.event(legal.met, daysBefore: 0)) }
            switch random.int(0...9) {
            case 0, 1:
                go("sachverhaltsklaerung", after: 10...30)
                add(.note("Neue Tatsachen: Die Person hat weitere Schreiben der Gegenseite gefunden."))
                clarifyMandate()
                intervene(scenario.interventions[1])
            case 2, 3:
                go("auftragsklaerung", after: 14...30)
                add(.note("Die Gegenseite hat nicht reagiert; neuer Auftrag besprochen."))
                intervene(scenario.interventions[1])
            case 4:
                intervene(scenario.interventions[1])
            default:
                break
            }
            if let then = legal?.then {
                wait(10...40)
                add(.event(then, daysBefore: random.int(0...5)))
            }
            go(
                "abschluss", after: 14...60,
                outcome: random.weighted([("erfolgreich", 3), ("teilweise_erfolgreich", 3), ("nicht_erfolgreich", 2), ("abgebrochen", 1)]))
        }
        if online { add(.message(DemoTexts.officeMessages[4])) }
    }
}
