/// Whether the privacy budget allows one more noisy release.
public enum LedgerVerdict: Sendable, Equatable {
    /// Allowed; `remaining` is what the year's budget holds once this release is spent.
    case admitted(remaining: Epsilon)
    /// Not allowed, and why (the cap would be passed, a release is recorded twice, …).
    case refused(reason: String)
}
