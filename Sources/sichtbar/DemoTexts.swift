/// Invented German texts the demo's counsellors and reporters write: notes, mailbox messages,
/// reasons, Wiedervorlagen. No real person or organisation appears in any of them.
enum DemoTexts {
    static let notes = [
        "Sachverhalt telefonisch ergänzt; die Person möchte zunächst nur informiert werden.",
        "Belege (Schriftverkehr, Fotos) wurden gesichtet und in der Akte vermerkt.",
        "Die Person wünscht eine schriftliche Zusammenfassung des Gesprächs.",
        "Im Team besprochen: Vorgehen abgestimmt, nächste Schritte vereinbart.",
        "Rückruf vereinbart, die Person ist vormittags am besten erreichbar.",
        "Hinweis auf die Fristen nach dem AGG gegeben.",
        "Die Person fühlt sich stark belastet; Hinweis auf psychosoziale Beratung gegeben.",
        "Zeugin bestätigt den Ablauf schriftlich.",
    ]

    static let officeMessages = [
        "Vielen Dank für Ihre Meldung. Wir haben sie gelesen und melden uns in den nächsten Tagen bei Ihnen.",
        "Möchten Sie, dass wir mit Ihnen über Möglichkeiten sprechen, gegen den Vorfall vorzugehen? Sie können hier antworten.",
        "Wir haben die Gegenseite angeschrieben und warten auf eine Antwort. Wir halten Sie auf dem Laufenden.",
        "Die Gegenseite hat geantwortet. Bitte melden Sie sich, damit wir die Antwort gemeinsam besprechen können.",
        "Wir schließen die Beratung ab. Sie können sich jederzeit wieder an uns wenden.",
    ]

    static let reporterMessages = [
        "Danke für Ihre Antwort. Ich kann dienstags und donnerstags telefonieren.",
        "Ich habe noch ein Foto von dem Aushang, soll ich es mitbringen?",
        "Gibt es schon etwas Neues?",
        "Ich möchte lieber anonym bleiben, aber die Sache soll dokumentiert werden.",
    ]

    static let contactPartners = [
        "ratsuchende Person", "ratsuchende Person", "Angehörige der ratsuchenden Person", "Gegenseite",
        "Beratungsstelle für Opfer rechter Gewalt (Beispiel)", "Schulsozialarbeit",
    ]

    static let spokenLanguages = ["Türkisch", "Arabisch", "Ukrainisch", "Russisch", "Farsi", "Englisch", "Kurmandschi"]

    static let closingReasons = [
        "Die ratsuchende Person möchte nach dem Sachverhaltsgespräch nichts weiter unternehmen.",
        "Information über Rechte und Fristen genügte; kein weiterer Auftrag.",
        "An die zuständige Fachberatung verwiesen, dort besser aufgehoben.",
    ]

    static let keepingReason = "Aufbewahrung wegen eines laufenden Klageverfahrens erforderlich (Art. 17 Abs. 3 lit. e DSGVO)."

    static let followUps = [
        "Wiedervorlage: Antwort der Gegenseite prüfen", "Wiedervorlage: Rückruf bei der ratsuchenden Person",
        "Wiedervorlage: Unterlagen nachfordern", "Wiedervorlage: Termin zur Begleitung vorbereiten",
    ]

    static let personLabels = ["Frau A.", "Herr B.", "Person C.", "Frau D.", "Herr E.", "Person F.", "Frau G.", "Herr H."]
    static let minorLabels = ["Kind K. (Schülerin)", "Kind L. (Schüler)", "Kind M. (Kita)"]
    static let organisationLabels = ["Vorstand (Ansprechperson)", "Geschäftsführung (Ansprechperson)"]

    static let tallyReferrals = ["Mieterverein", "Verbraucherzentrale", "Integrationsagentur", "Rechtsanwaltskammer", "Opferberatung"]
}
