import Foundation

/// The notification mail: that something waits in Sichtbar, and where to log in. It names no
/// case, no reporter, no reason and no number, so a mailbox or a mail server learns no more than
/// that the office got a mail.
public enum NotificationMail {
    public static let subject = "Sichtbar: Es wartet etwas auf Sie / Something is waiting for you"

    public static func body(link: String?) -> String {
        let login = link.map { "\n\n    \($0)" } ?? ""
        return """
            Guten Tag,

            in Sichtbar wartet etwas auf Bearbeitung. Bitte melden Sie sich an, um es zu sehen.\(login)

            Diese Nachricht nennt bewusst keine Einzelheiten.

            --

            Something is waiting for you in Sichtbar. Please log in to see it.\(login)

            This message deliberately gives no details.

            """
    }

    /// The whole message as the MTA takes it: headers, an empty line, the body, CRLF line ends.
    public static func message(to address: EmailAddress, from sender: EmailAddress, at date: Date, link: String?) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        let headers = [
            "From: Sichtbar <\(sender.value)>",
            "To: <\(address.value)>",
            "Subject: =?UTF-8?B?\(Data(subject.utf8).base64EncodedString())?=",
            "Date: \(formatter.string(from: date))",
            "Auto-Submitted: auto-generated",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
        ]
        return (headers + ["", body(link: link)]).joined(separator: "\r\n").replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }
}
