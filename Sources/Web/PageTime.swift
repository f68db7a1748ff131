import Casework
import Foundation
import SichtbarCore

/// Days and times as the member pages write them: always in Europe/Berlin, where the offices
/// are; German pages in German ("06.12.2026, 07:13"), others in ISO order ("2026-12-06 07:13"),
/// which no reader misreads. Machine-readable values stay ISO in `datetime` attributes.
struct PageTime {
    let language: String

    var isGerman: Bool { language.hasPrefix("de") }

    func day(_ day: Day) -> String {
        isGerman ? "\(Self.two(day.day)).\(Self.two(day.month)).\(day.year)" : day.iso
    }

    func time(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let clock = "\(Self.two(parts.hour ?? 0)):\(Self.two(parts.minute ?? 0))"
        if isGerman { return "\(Self.two(parts.day ?? 0)).\(Self.two(parts.month ?? 0)).\(parts.year ?? 0), \(clock)" }
        return "\(parts.year ?? 0)-\(Self.two(parts.month ?? 0))-\(Self.two(parts.day ?? 0)) \(clock)"
    }

    /// An audit-style UTC timestamp (`2026-12-06T06:13:22Z`) in Berlin time; the text itself if it is not one.
    func time(stamp: String) -> String {
        Self.date(stamp: stamp).map(time) ?? stamp
    }

    static func date(stamp: String) -> Date? {
        let digits = stamp.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int($0) }
        guard digits.count == 6, stamp.hasSuffix("Z") else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .gmt
        return calendar.date(
            from: DateComponents(year: digits[0], month: digits[1], day: digits[2], hour: digits[3], minute: digits[4], second: digits[5]))
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
