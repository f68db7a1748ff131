import Foundation

/// Decides who gets a mail now: an address is told when something waits that it was not told of
/// yet, and at most once per interval. A failed hand-over is not counted as told, so it is tried
/// again at the next tick. Kept in memory: after a restart, whatever waits is told once more.
public struct NotificationPlanner: Sendable {
    public let interval: TimeInterval
    /// Per address: the items it was last told of, and when.
    private var told: [EmailAddress: (items: Set<String>, at: Date)] = [:]

    public init(interval: TimeInterval) {
        self.interval = interval
    }

    /// Each address that is due a mail, with the items that mail covers.
    public func due(_ items: [WaitingItem], recipients: NotificationRecipients, now: Date) -> [EmailAddress: Set<String>] {
        var relevant: [EmailAddress: Set<String>] = [:]
        for item in items {
            if let office = recipients.offices[item.officeID] { relevant[office, default: []].insert(item.key) }
            for member in item.assignees {
                if let address = recipients.members[member] { relevant[address, default: []].insert(item.key) }
            }
        }
        return relevant.filter { address, keys in
            guard let last = told[address] else { return true }
            return !keys.subtracting(last.items).isEmpty && now.timeIntervalSince(last.at) >= interval
        }
    }

    /// The mail to `address` was handed over: it has been told of `items`.
    public mutating func delivered(to address: EmailAddress, items: Set<String>, at now: Date) {
        told[address] = (items, now)
    }
}
