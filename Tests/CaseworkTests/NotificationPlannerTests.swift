import Casework
import Foundation
import SichtbarCore
import SichtbarTesting
import Testing

/// Who is told, when: once per new thing, at most once per interval, members only of their own
/// cases, and a failed hand-over tried again; the addresses accepted and the mail's content.
@Suite struct NotificationPlannerTests {
    let office = EntityID.random(), otherOffice = EntityID.random()
    let carla = EntityID.random(), paul = EntityID.random()
    let officeAddress = EmailAddress("beratung@ada-koeln.de")!
    let carlaAddress = EmailAddress("carla@ada-koeln.de")!
    var recipients: NotificationRecipients {
        NotificationRecipients(offices: [office: officeAddress], members: [carla: carlaAddress])
    }
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    @Test func somethingNewIsToldOnceAndAtMostOncePerInterval() {
        var planner = NotificationPlanner(interval: 3600)
        let first = WaitingItem(officeID: office, caseID: .random(), reason: .newReport)
        let due = planner.due([first], recipients: recipients, now: start)
        #expect(Set(due.keys) == [officeAddress], "the office is told; Carla is not assigned")
        planner.delivered(to: officeAddress, items: due[officeAddress] ?? [], at: start)
        #expect(planner.due([first], recipients: recipients, now: start.addingTimeInterval(7200)).isEmpty, "told already")
        let second = WaitingItem(officeID: office, caseID: .random(), reason: .reporterUnread)
        #expect(
            planner.due([first, second], recipients: recipients, now: start.addingTimeInterval(600)).isEmpty,
            "new, but the interval is not over")
        let later = planner.due([first, second], recipients: recipients, now: start.addingTimeInterval(3600))
        #expect(Set(later.keys) == [officeAddress])
    }

    @Test func membersAreToldOfTheirOwnCasesOnly() {
        let planner = NotificationPlanner(interval: 3600)
        let theirs = WaitingItem(officeID: office, caseID: .random(), reason: .dueTomorrow, day: Day(iso: "2026-12-07"), assignees: [carla])
        let others = WaitingItem(officeID: office, caseID: .random(), reason: .reporterUnread, assignees: [paul])
        let due = planner.due([others], recipients: recipients, now: start)
        #expect(Set(due.keys) == [officeAddress])
        #expect(Set(planner.due([theirs], recipients: recipients, now: start).keys) == [officeAddress, carlaAddress])
        let foreign = WaitingItem(officeID: otherOffice, caseID: .random(), reason: .newReport)
        #expect(planner.due([foreign], recipients: recipients, now: start).isEmpty, "an office without an address is told nothing")
    }

    @Test func aFailedHandOverIsTriedAgain() {
        var planner = NotificationPlanner(interval: 3600)
        let item = WaitingItem(officeID: office, caseID: .random(), reason: .newReport)
        #expect(!planner.due([item], recipients: recipients, now: start).isEmpty)
        // Not delivered: the next look a minute later finds it due again.
        #expect(!planner.due([item], recipients: recipients, now: start.addingTimeInterval(60)).isEmpty)
        planner.delivered(to: officeAddress, items: planner.due([item], recipients: recipients, now: start)[officeAddress] ?? [], at: start)
        #expect(planner.due([item], recipients: recipients, now: start.addingTimeInterval(60)).isEmpty)
    }

    @Test func aDeadlineOnAnotherDayIsNewAgain() {
        var planner = NotificationPlanner(interval: 60)
        let id = EntityID.random()
        let monday = WaitingItem(officeID: office, caseID: id, reason: .dueTomorrow, day: Day(iso: "2026-12-07"))
        planner.delivered(
            to: officeAddress, items: planner.due([monday], recipients: recipients, now: start)[officeAddress] ?? [], at: start)
        let friday = WaitingItem(officeID: office, caseID: id, reason: .dueTomorrow, day: Day(iso: "2026-12-11"))
        #expect(!planner.due([friday], recipients: recipients, now: start.addingTimeInterval(120)).isEmpty)
    }

    @Test(arguments: ["beratung@ada-koeln.de", "vorname.nachname+sichtbar@caritas-nrw.de", "a@b.co"])
    func plainAddressesAreAccepted(_ text: String) {
        #expect(EmailAddress(text)?.value == text)
    }

    @Test(arguments: [
        "", "beratung", "@ada-koeln.de", "beratung@", "beratung@localhost", "a b@c.de", "a@b.de\r\nBcc: x@y.de",
        "a@b.de, c@d.de", "<a@b.de>", "\"a\"@b.de", "-oQ/tmp@b.de", "a..b@c.de", "a@b..de", "a@-b.de",
        String(repeating: "a", count: 65) + "@b.de",
    ])
    func anythingButAPlainAddressIsRefused(_ text: String) {
        #expect(EmailAddress(text) == nil, "\(text.debugDescription)")
    }

    @Test func theMailSaysNothingButThatSomethingWaits() {
        let message = NotificationMail.message(
            to: officeAddress, from: EmailAddress("sichtbar@ada-koeln.de")!, at: start,
            link: "https://sichtbar.ada-koeln.de/login")
        let parts = message.components(separatedBy: "\r\n\r\n")
        let headers = parts[0].components(separatedBy: "\r\n").map { String($0.prefix { $0 != ":" }) }
        #expect(
            headers == ["From", "To", "Subject", "Date", "Auto-Submitted", "MIME-Version", "Content-Type", "Content-Transfer-Encoding"])
        #expect(message.contains("To: <beratung@ada-koeln.de>\r\n"))
        #expect(message.contains("Subject: =?UTF-8?B?"))
        let body = parts.dropFirst().joined(separator: "\r\n\r\n")
        #expect(
            body == NotificationMail.body(link: "https://sichtbar.ada-koeln.de/login").replacingOccurrences(of: "\n", with: "\r\n"),
            "the body is the fixed text: no case, no count, no reason")
        let hasDigit = body.unicodeScalars.contains { CharacterSet.decimalDigits.contains($0) }
        #expect(!hasDigit, "not even a number")
        let bare = message.replacingOccurrences(of: "\r\n", with: "")
        #expect(!bare.contains("\n") && !bare.contains("\r"), "CRLF line ends only")
    }
}
