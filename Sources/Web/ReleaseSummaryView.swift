import Statistics

/// One release as the list and its preview show it: its period, when it was made and sent.
struct ReleaseSummaryView {
    let id: String
    let period: String
    let createdAt: String
    let createdAtISO: String
    let sentAt: String?
    let sentAtISO: String?
    let epsilon: String?

    init(_ release: StoredRelease, language: Catalogue) {
        let time = PageTime(language: language.code)
        id = release.id.hex
        period = release.period
        createdAt = time.time(stamp: release.createdAt)
        createdAtISO = release.createdAt
        sentAt = release.sentAt.map { time.time(stamp: $0) }
        sentAtISO = release.sentAt
        epsilon = release.epsilon
    }
}
