/// A "Kontakt ohne Akte": a short call or visit counted, never filed. Month, channel and,
/// if given, the ground and where the person was referred to; nothing about the person.
public struct ContactTally: Sendable, Equatable {
    public let month: String
    public let channel: String
    public let ground: String?
    public let referral: String?

    public init(month: String, channel: String, ground: String?, referral: String?) {
        self.month = month
        self.channel = channel
        self.ground = ground
        self.referral = referral
    }
}
