/// One kind of story the demo's synthetic cases tell: what happened, where, against whom, how
/// counsellors classify it, which intervention fits and which legal deadline runs. Every name in
/// it is invented ("Muster…", "Beispiel…"), never a real person or organisation.
struct DemoScenario {
    /// The deadline a scenario's legal events start, and the events that meet it and what follows.
    enum LegalChain {
        /// § 15 Abs. 4 AGG from a rejection; a written claim meets it and starts § 61b ArbGG.
        case aggRejection
        /// § 15 Abs. 4 AGG from the last harassment at work.
        case aggHarassment
        /// § 21 Abs. 5 AGG (civil law); a written claim meets it.
        case aggCivil
        /// §§ 70, 74 VwGO from a decision with notice of remedies; an objection meets it.
        case administrative
        /// § 84 SGG from a decision of a social benefits agency.
        case social
        /// § 77b StGB from knowing offence and offender; a criminal complaint meets it.
        case criminal

        /// The event that starts the deadline, the one that meets it, and (for a written claim)
        /// the event that meets the deadline the claim starts in turn.
        var events: (start: String, met: String, then: String?) {
            switch self {
            case .aggRejection: ("ablehnung_zugegangen", "anspruch_geltend_gemacht", "klage_erhoben")
            case .aggHarassment: ("letzte_belaestigung", "anspruch_geltend_gemacht", "klage_erhoben")
            case .aggCivil: ("benachteiligung_bekannt", "anspruch_geltend_gemacht", "klage_erhoben")
            case .administrative: ("bescheid_zugegangen", "widerspruch_erhoben", nil)
            case .social: ("sozialbescheid_zugegangen", "widerspruch_erhoben", nil)
            case .criminal: ("tat_und_taeter_bekannt", "strafantrag_gestellt", nil)
            }
        }
    }

    let title: String
    /// The report as a reporter would write it on the form.
    let narrative: String
    /// The reporter's own classification on the form.
    let reporterGrounds: [String]
    /// The counsellor's classification (taxonomy codes by facet).
    let codes: [String: [String]]
    let counterpart: String
    /// Interventions that fit, the first the usual one.
    let interventions: [String]
    let legal: LegalChain?
    /// The person concerned is a minor: interventions need the Sorgeberechtigte's consent.
    var minor = false
    /// The person is deaf: contacts run with German Sign Language interpreting.
    var signLanguage = false
    /// A case of Organisationsberatung (an organisation asks for advice), not of a person.
    var organisation = false
}
