import Foundation
import PostgresNIO
import SichtbarCore

/// What one engine answered, with random ids replaced by labels, so two engines' runs compare
/// line by line (the in-memory engine's own check against SQLite).
struct InMemoryTranscript {
    var lines: [String] = []
    var labels: [String: String] = [:]

    mutating func label(_ id: EntityID, _ name: String) { labels[id.hex] = name }

    func labelled(_ line: String) -> String {
        var text = line
        for (hex, name) in labels { text = text.replacingOccurrences(of: hex, with: name) }
        return text
    }

    mutating func add(_ line: String) { lines.append(labelled(line)) }

    /// Items whose order follows random ids: compared as a set.
    mutating func addSorted(_ what: String, _ items: [String]) {
        add("\(what): \(items.map(labelled).sorted())")
    }

    /// A chain's entries; member events without their time (taken from the wall clock), and
    /// each run of reporter events sorted (their order within a day follows random ids).
    mutating func addAudit(_ entries: [AuditEntry]) {
        var run: [String] = []
        func flush() {
            lines += run.map(labelled).sorted()
            run = []
        }
        for entry in entries {
            let event = entry.event
            if event.actor == "reporter" {
                run.append("audit \(event.at) reporter \(event.action) \(event.subject)")
                continue
            }
            flush()
            add("audit \(entry.sequence) \(event.actor) \(event.action) \(event.subject)")
        }
        flush()
    }

    /// Runs `body`; the error's name, SQLite's constraint errors, PostgreSQL's (SQLSTATE class 23)
    /// and the in-memory engine's alike.
    mutating func attempt(_ what: String, _ body: () async throws -> Void) async {
        do {
            try await body()
            add("\(what): ok")
        } catch let error as PSQLError where error.serverInfo?[.sqlState]?.hasPrefix("23") == true {
            add("\(what): constraint")
        } catch {
            let name = String(describing: error)
            add("\(what): " + (name.contains("constraint") || name.contains("CONSTRAINT") ? "constraint" : name))
        }
    }
}
