/// The demo's stories. Places and organisations are invented ("Musterstadt", "Beispiel…").
extension DemoScenario {
    static let catalogue: [DemoScenario] = [
        DemoScenario(
            title: "Wohnungssuche: Absage nach Besichtigung",
            narrative:
                "Bei der Wohnungsbesichtigung sagte der Verwalter, an „solche Leute“ vermiete er nicht. Die Wohnung ist weiter inseriert.",
            reporterGrounds: ["rassistische_zuschreibung"],
            codes: [
                "ground": ["gegen_gefluechtete"], "area": ["wohnen"], "form": ["leistungsverweigerung", "herabwuerdigung"],
                "agg_form": ["unmittelbar"], "level": ["individuell"], "legal_protection": ["agg_anwendbar"], "perpetrator": ["vermieter"],
            ],
            counterpart: "Musterbau Wohnen GmbH", interventions: ["beschwerdebrief", "bitte_um_stellungnahme"], legal: .aggCivil),
        DemoScenario(
            title: "Bewerbung: Absage wegen des Alters",
            narrative: "Im Bewerbungsgespräch wurde ich gefragt, ob ich mit 58 noch belastbar sei. Zwei Tage später kam die Absage.",
            reporterGrounds: ["lebensalter"],
            codes: [
                "ground": ["lebensalter"], "area": ["arbeitssuche"], "form": ["ungleichbehandlung_bei_zugang"], "agg_form": ["unmittelbar"],
                "level": ["individuell"], "legal_protection": ["agg_anwendbar"], "perpetrator": ["unternehmen"],
            ],
            counterpart: "Beispiel-Logistik GmbH", interventions: ["bitte_um_stellungnahme", "verweisberatung"], legal: .aggRejection),
        DemoScenario(
            title: "Arbeitsplatz: Sprüche über die Herkunft",
            narrative: "Auf der Arbeit werden seit Monaten Witze über meine Herkunft gemacht, die Schichtleitung lacht mit.",
            reporterGrounds: ["rassistische_zuschreibung"],
            codes: [
                "ground": ["antislawisch"], "area": ["beschaeftigung"], "form": ["beleidigung", "mobbing"], "agg_form": ["belaestigung"],
                "level": ["individuell"], "legal_protection": ["agg_anwendbar"], "perpetrator": ["unternehmen", "privatperson"],
            ],
            counterpart: "Bäckerei Beispielkorn KG", interventions: ["vermittlungsgespraech", "beschwerdebrief"], legal: .aggHarassment),
        DemoScenario(
            title: "Schule: Bloßstellung wegen des Kopftuchs",
            narrative: "Meine Tochter wird in der Schule wegen ihres Kopftuchs von einer Lehrkraft vor der Klasse bloßgestellt.",
            reporterGrounds: ["rassistische_zuschreibung", "religion_weltanschauung"],
            codes: [
                "ground": ["antimuslimisch", "religion_weltanschauung"], "area": ["schule"], "form": ["herabwuerdigung"],
                "level": ["institutionell"], "legal_protection": ["agg_nicht_anwendbar_bereich", "ladg"],
                "perpetrator": ["bildungseinrichtung"],
                "role": ["angehoerige"], "age_group": ["unter_18"],
            ],
            counterpart: "Gesamtschule Am Musterpark", interventions: ["gespraech_mit_dritten", "beschwerdebrief"], legal: nil, minor: true),
        DemoScenario(
            title: "Jobcenter: Antrag ohne Prüfung abgelehnt",
            narrative:
                "Im Jobcenter wurde ich angeschrien und mein Antrag ohne Prüfung abgelehnt, weil ich die Formulare nicht verstanden habe.",
            reporterGrounds: ["sprache", "sozialer_status"],
            codes: [
                "ground": ["sprache", "sozialer_status"], "area": ["jobcenter"], "form": ["verfahrensbenachteiligung", "herabwuerdigung"],
                "level": ["institutionell"], "legal_protection": ["ladg", "andere_rechtsgrundlage"], "perpetrator": ["behoerde_kommune"],
            ],
            counterpart: "Jobcenter Musterstadt", interventions: ["beschwerdebrief", "begleitung"], legal: .social),
        DemoScenario(
            title: "Ausländerbehörde: Termin verweigert",
            narrative:
                "Bei der Ausländerbehörde bekomme ich seit Wochen keinen Termin, mein Titel läuft ab. Am Schalter wurde ich weggeschickt.",
            reporterGrounds: ["aufenthaltsstatus"],
            codes: [
                "ground": ["aufenthaltsstatus", "staatsangehoerigkeit"], "area": ["auslaenderbehoerde"],
                "form": ["verfahrensbenachteiligung"],
                "level": ["institutionell"], "legal_protection": ["ladg"], "perpetrator": ["behoerde_kommune"],
            ],
            counterpart: "Ausländerbehörde Musterstadt", interventions: ["begleitung", "bitte_um_stellungnahme"], legal: .administrative),
        DemoScenario(
            title: "Bahnhof: Kontrolle nur wegen des Aussehens",
            narrative: "Bei einer Kontrolle am Bahnhof wurde nur ich durchsucht, sonst niemand aus dem vollen Zug.",
            reporterGrounds: ["rassistische_zuschreibung"],
            codes: [
                "ground": ["anti_schwarz"], "area": ["polizei_justiz"], "form": ["racial_profiling"], "level": ["institutionell"],
                "legal_protection": ["ladg"], "perpetrator": ["polizei"],
            ],
            counterpart: "Polizeiinspektion Musterstadt-Mitte", interventions: ["beschwerdebrief", "verweisberatung"], legal: nil),
        DemoScenario(
            title: "Bus: antisemitische Beleidigung",
            narrative: "Im Bus wurde ich wegen meiner Kippa beleidigt und bedroht; der Fahrer griff nicht ein.",
            reporterGrounds: ["antisemitismus"],
            codes: [
                "ground": ["antisemitismus"], "area": ["oeffentlicher_nahverkehr"], "form": ["beleidigung", "bedrohung"],
                "level": ["individuell"], "legal_protection": ["andere_rechtsgrundlage"], "perpetrator": ["privatperson"],
            ],
            counterpart: "Verkehrsbetriebe Musterstadt", interventions: ["begleitung", "beschwerdebrief"], legal: .criminal),
        DemoScenario(
            title: "Club: Einlass verweigert",
            narrative: "Der Türsteher ließ meine Freunde und mich nicht in den Club, andere Gäste schon. Er sagte, heute nur Stammgäste.",
            reporterGrounds: ["rassistische_zuschreibung"],
            codes: [
                "ground": ["sonstige_rassistische_zuschreibung"], "area": ["gastronomie_einzelhandel"],
                "form": ["ungleichbehandlung_bei_zugang"],
                "agg_form": ["unmittelbar"], "level": ["individuell"], "legal_protection": ["agg_anwendbar"],
                "perpetrator": ["unternehmen"],
            ],
            counterpart: "Club Beispielhalle", interventions: ["beschwerdebrief", "oeffentlichkeitsarbeit"], legal: .aggCivil),
        DemoScenario(
            title: "Arztpraxis: kein Termin nach Nennung des Namens",
            narrative:
                "In der Arztpraxis bekam ich am Telefon keinen Termin, nachdem ich meinen Namen gesagt hatte. Meine Kollegin bekam sofort einen.",
            reporterGrounds: ["rassistische_zuschreibung"],
            codes: [
                "ground": ["antiziganistisch"], "area": ["gesundheit"], "form": ["leistungsverweigerung"], "agg_form": ["unmittelbar"],
                "level": ["individuell"], "legal_protection": ["agg_anwendbar"], "perpetrator": ["unternehmen"],
            ],
            counterpart: "Praxisgemeinschaft Musterallee", interventions: ["bitte_um_stellungnahme", "begleitung"], legal: .aggCivil),
        DemoScenario(
            title: "Bürgeramt: ohne Gebärdensprache abgewiesen",
            narrative:
                "Im Bürgeramt wurde mir als gehörloser Person kein Termin mit Gebärdensprachdolmetschung gegeben; ich solle jemanden mitbringen.",
            reporterGrounds: ["behinderung_chronische_krankheit"],
            codes: [
                "ground": ["behinderung_chronische_krankheit"], "area": ["sonstige_behoerde"], "form": ["ungleichbehandlung_bei_zugang"],
                "level": ["strukturell"], "legal_protection": ["ladg", "andere_rechtsgrundlage"], "perpetrator": ["behoerde_kommune"],
            ],
            counterpart: "Bürgeramt Musterstadt-Nord", interventions: ["bitte_um_stellungnahme", "begleitung"], legal: .administrative,
            signLanguage: true),
        DemoScenario(
            title: "Bank: Konto wegen befristeten Titels abgelehnt",
            narrative: "Die Bank lehnte ein Basiskonto ab, weil mein Aufenthaltstitel befristet ist.",
            reporterGrounds: ["aufenthaltsstatus"],
            codes: [
                "ground": ["aufenthaltsstatus"], "area": ["banken_versicherungen"], "form": ["leistungsverweigerung"],
                "agg_form": ["mittelbar"], "level": ["institutionell"], "legal_protection": ["andere_rechtsgrundlage"],
                "perpetrator": ["unternehmen"],
            ],
            counterpart: "Beispielbank eG", interventions: ["beschwerdebrief", "verweisberatung"], legal: .aggCivil),
        DemoScenario(
            title: "Kita: Platz wegen der Sprache verweigert",
            narrative: "Der Kita-Platz wurde uns verweigert, weil wir noch nicht gut Deutsch sprechen. Andere Familien wurden aufgenommen.",
            reporterGrounds: ["sprache"],
            codes: [
                "ground": ["sprache", "staatsangehoerigkeit"], "area": ["kita"], "form": ["ungleichbehandlung_bei_zugang"],
                "level": ["institutionell"], "legal_protection": ["ladg"], "perpetrator": ["bildungseinrichtung"], "role": ["angehoerige"],
                "age_group": ["unter_18"],
            ],
            counterpart: "Kita Beispielgarten", interventions: ["vermittlungsgespraech", "gespraech_mit_dritten"], legal: nil, minor: true),
        DemoScenario(
            title: "Hochschule: Nachteilsausgleich abgelehnt",
            narrative: "Mein Antrag auf Nachteilsausgleich wegen einer chronischen Erkrankung wurde ohne Begründung abgelehnt.",
            reporterGrounds: ["behinderung_chronische_krankheit"],
            codes: [
                "ground": ["behinderung_chronische_krankheit"], "area": ["hochschule"], "form": ["verfahrensbenachteiligung"],
                "level": ["institutionell"], "legal_protection": ["andere_rechtsgrundlage"], "perpetrator": ["behoerde_land"],
            ],
            counterpart: "Prüfungsamt der Hochschule Musterstadt", interventions: ["bitte_um_stellungnahme", "begleitung"],
            legal: .administrative),
        DemoScenario(
            title: "Nachbarschaftsgruppe: Hasskommentare",
            narrative: "In einer Nachbarschaftsgruppe im Internet werden über mich und meine Familie Hasskommentare geschrieben.",
            reporterGrounds: ["sexuelle_identitaet"],
            codes: [
                "ground": ["sexuelle_identitaet"], "area": ["medien_internet"], "form": ["beleidigung", "herabwuerdigung"],
                "level": ["individuell"], "legal_protection": ["andere_rechtsgrundlage"], "perpetrator": ["privatperson"],
            ],
            counterpart: "Betreiberin der Beispielgruppe", interventions: ["verweisberatung", "gespraech_mit_dritten"], legal: .criminal),
        DemoScenario(
            title: "Fitnessstudio: abgelehnt wegen Bürgergeld",
            narrative: "Das Fitnessstudio wollte keinen Vertrag mit mir abschließen, als ich sagte, dass ich Bürgergeld bekomme.",
            reporterGrounds: ["sozialer_status"],
            codes: [
                "ground": ["sozialer_status"], "area": ["freizeit"], "form": ["leistungsverweigerung"], "level": ["individuell"],
                "legal_protection": ["agg_nicht_anwendbar_merkmal"], "perpetrator": ["unternehmen"],
            ],
            counterpart: "Fitnessstudio Musterkraft", interventions: ["beschwerdebrief", "verweisberatung"], legal: nil),
        DemoScenario(
            title: "Sportverein: Beschwerdeverfahren aufbauen",
            narrative: "Ein Sportverein fragt, wie er ein Beschwerdeverfahren gegen Diskriminierung einrichten kann.",
            reporterGrounds: ["rassistische_zuschreibung"],
            codes: ["ground": ["rassistische_zuschreibung"], "area": ["freizeit"], "level": ["strukturell"], "role": ["organisation"]],
            counterpart: "Sportverein Grün-Weiß Musterstadt e. V.", interventions: ["gespraech_mit_dritten", "oeffentlichkeitsarbeit"],
            legal: nil, organisation: true),
        DemoScenario(
            title: "Wohnungsgenossenschaft: Vergabe diskriminierungsfrei gestalten",
            narrative: "Eine Wohnungsgenossenschaft bittet um Beratung zu ihren Vergabekriterien.",
            reporterGrounds: ["staatsangehoerigkeit"],
            codes: [
                "ground": ["staatsangehoerigkeit", "familiaere_fuersorgeverantwortung"], "area": ["wohnen"], "level": ["strukturell"],
                "role": ["organisation"],
            ],
            counterpart: "Beispiel-Wohnungsgenossenschaft eG", interventions: ["gespraech_mit_dritten", "verweisberatung"],
            legal: nil, organisation: true),
    ]
}
