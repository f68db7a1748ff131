import Foundation
import Members
import Sealing
import SichtbarCore

extension CaseworkService {
    /// One page of the cases the member may see, with each case's deadlines (from its sealed
    /// sheet) and a cursor for the next page. Viewing the list is audited.
    public func list(_ filter: CaseListFilter, for session: Session) async throws -> (items: [CaseListItem], next: CaseCursor?) {
        let officeID = try officeID(of: session)
        if let step = filter.step, policy.step(step) == nil {
            throw FieldError.invalid(field: "step", message: "'\(step)' is not a step of the workflow")
        }
        let limit = min(max(filter.limit, 1), 100)
        let teamAccess = try await store.teamAccess(officeID: officeID)
        let today = Day(now())
        var query = CaseQuery(officeID: officeID, step: filter.step, after: filter.after, limit: limit)
        let mine = try await visibleMembers(session, officeID: officeID)
        if !session.isLead && !teamAccess { query.visibleTo = mine }
        if filter.assignment == .mine { query.assignedTo = mine }
        if filter.assignment == CaseListFilter.Assignment.none { query.unassigned = true }
        query.unread = filter.unread
        if filter.sort == .urgency { query.urgency = CaseQuery.Urgency(today: today, soon: today.adding(days: policy.warnDays)) }
        switch filter.due {
        case .overdue: query.due = .overdue(today: today)
        case .soon: query.due = .until(today.adding(days: policy.warnDays))
        case nil: break
        }
        var categoryCodes: [String]?
        switch filter.query.flatMap({ CaseSearch.reading($0, taxonomy: taxonomy) }) {
        case .reference(let range): query.idRange = range
        case .categories(let codes): categoryCodes = codes
        case .title(let word):
            try await members.record(session, .caseListViewed, filter.step ?? "")
            return try await titleSearch(word, query: query, limit: limit, session: session, today: today)
        case nil: break
        }
        try await members.record(session, .caseListViewed, filter.step ?? "")
        guard let categoryCodes else {
            // One more row than asked tells whether a next page exists.
            query.limit = limit + 1
            let rows = try await store.cases(query)
            let items = try await items(Array(rows.prefix(limit)), session: session, today: today)
            return (items, rows.count > limit ? rows.prefix(limit).last.map { cursor($0, query) } : nil)
        }
        // A category code lives only in sealed classifications: scan until the page is full or
        // `scanBound` cases were looked at; `next` continues from there. The scan reads only sort
        // keys and classifications, opened with the statistics key (no public-key operation), a
        // batch in parallel runs; the cases that match are then read whole and opened. A first
        // small batch serves common codes; a rare one takes the rest of the bound in one query,
        // since each query starts on a page cache the audit write just emptied.
        let secrets = try await latestSecrets(session)
        var matched: [EntityID] = []
        var next: CaseCursor?
        var scanned = 0
        scan: while scanned < Self.scanBound {
            let batch = scanned == 0 ? Self.firstScanBatch : Self.scanBound - scanned
            query.limit = batch
            let rows = try await store.classifiedCases(query)
            let names = try await ParallelRuns.map(rows, minimumRun: 64) { row -> Bool in
                guard let sealed = row.facets else { return false }
                guard let key = secrets.statisticsKey(version: sealed.keyVersion) else { throw AccessError.keysUnavailable }
                return try FacetCodec.names(anyOf: categoryCodes, in: sealed, officeID: officeID, key: key)
            }
            for (index, row) in rows.enumerated() {
                scanned += 1
                if names[index] { matched.append(row.id) }
                if matched.count == limit || scanned >= Self.scanBound {
                    let more = index < rows.count - 1 || rows.count == batch
                    next = more ? cursor(row) : nil
                    break scan
                }
            }
            guard rows.count == batch, let last = rows.last else { break }
            query.after = cursor(last)
        }
        let found = try await store.cases(ids: matched, officeID: officeID)
        return (try await items(matched.compactMap { found[$0] }, session: session, today: today), next)
    }

    /// A word of the sealed titles: the newest `CaseSearch.titleBound` cases of the query are
    /// opened and their titles compared (case and accents aside); no `next` beyond the bound.
    func titleSearch(_ word: String, query: CaseQuery, limit: Int, session: Session, today: Day) async throws -> (
        items: [CaseListItem], next: CaseCursor?
    ) {
        var query = query
        query.limit = CaseSearch.titleBound
        let rows = try await store.cases(query)
        let wanted = Taxonomy.folded(word)
        let items = try await items(rows, session: session, today: today).filter { Taxonomy.folded($0.title).contains(wanted) }
        return (Array(items.prefix(limit)), nil)
    }

    /// The list items of `rows`, in order. Opening each case's keys (a public-key operation) and
    /// sheet is most of a list's time, so the rows are opened in parallel runs.
    func items(_ rows: [CaseFileRow], session: Session, today: Day) async throws -> [CaseListItem] {
        var secrets: [UInt32: OfficeSecrets] = [:]
        for version in Set(rows.map(\.keys.keyVersion)) {
            secrets[version] = try await session.officeSecrets(version: version, store: members.store)
        }
        let opened = secrets
        return try await ParallelRuns.map(rows, minimumRun: 8) { row in
            guard let office = opened[row.keys.keyVersion] else { throw AccessError.keysUnavailable }
            let keys = try CaseKeys.open(row.keys.sealed, with: office.keyPair)
            // A sheet that does not open at the case's revision was tampered with: the list still
            // shows the case (without title), and opening it raises the integrity alarm.
            let sheet: CaseSheet
            do { sheet = try self.sheet(of: row, keys: keys) } catch SealingError.authenticationFailed { sheet = CaseSheet() }
            return item(row, sheet: sheet, today: today)
        }
    }

    /// How many cases one page of a category search looks at, at most.
    static let scanBound = 2_000
    static let firstScanBatch = 400

    func cursor(_ row: ClassifiedCase) -> CaseCursor {
        CaseCursor(day: row.sortDay, id: row.id)
    }

    func cursor(_ row: CaseFileRow, _ query: CaseQuery) -> CaseCursor {
        if let urgency = query.urgency {
            return CaseCursor(day: row.nextDue ?? Self.noDue, id: row.id, bucket: Self.urgencyBucket(row, urgency))
        }
        return CaseCursor(day: query.ordersByDue ? (row.nextDue ?? row.receivedOn) : row.receivedOn, id: row.id)
    }

    /// The day a case without deadlines sorts by in urgency order: after every real one.
    static let noDue = Day(iso: "9999-12-31") ?? Day(Date.distantFuture)

    /// The urgency group of a case, as the store's ORDER BY computes it.
    static func urgencyBucket(_ row: CaseFileRow, _ urgency: CaseQuery.Urgency) -> Int {
        if let due = row.nextDue, due < urgency.today { return 0 }
        if row.reporterUnread { return 1 }
        if let due = row.nextDue, due <= urgency.soon { return 2 }
        return 3
    }

    /// How many cases the member may see have a reporter's message or file nobody marked read,
    /// and how many of those are the member's own: the list's header says so.
    public func unreadCounts(for session: Session) async throws -> (all: Int, mine: Int) {
        let officeID = try officeID(of: session)
        var query = CaseQuery(officeID: officeID)
        let mine = try await visibleMembers(session, officeID: officeID)
        if !session.isLead, try await !store.teamAccess(officeID: officeID) { query.visibleTo = mine }
        query.unread = true
        let all = try await store.countCases(query)
        query.assignedTo = mine
        return (all, try await store.countCases(query))
    }

    /// Marks the reporter's messages and files of a case read: the badge goes, the newest
    /// message leaves the top of the case page. Audited.
    public func markReporterRead(_ id: EntityID, by session: Session) async throws {
        // Marking read touches no content: the access check is enough, no keys are opened.
        let (row, _) = try await load(id, for: session)
        guard row.reporterUnread else { return }
        try await store.markReporterRead(
            caseID: id, officeID: row.officeID,
            audit: .member(session.username, .caseReporterRead, id.hex, at: now()))
    }

    func item(_ row: CaseFileRow, sheet: CaseSheet, today: Day) -> CaseListItem {
        CaseListItem(
            id: row.id, reference: CaseReference.of(row.id), kind: row.kind, step: row.step, channel: row.channel,
            receivedOn: row.receivedOn, title: sheet.title, assignees: row.assignees,
            unread: row.reporterUnread,
            deadlines: deadlines.tracked(
                deadlines.deadlines(
                    events: allEvents(sheet, row: row), manual: sheet.manualDeadlines, missed: sheet.missed ?? [],
                    fields: sheet.legalFields(policy),
                    today: today), closed: isClosed(row.step)))
    }
}
