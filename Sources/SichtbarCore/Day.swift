import Foundation

/// A calendar day in Europe/Berlin: the only time granularity kept on the reporter side.
public struct Day: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The calendar all days are computed in.
    public static let berlin: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        // Without tz data a fixed offset would put summer days near midnight on the wrong date.
        guard let berlin = TimeZone(identifier: "Europe/Berlin") else {
            preconditionFailure("no time zone data for Europe/Berlin: install tzdata")
        }
        calendar.timeZone = berlin
        return calendar
    }()

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The Berlin day of an instant.
    public init(_ date: Date) {
        let parts = Day.berlin.dateComponents([.year, .month, .day], from: date)
        self.year = parts.year ?? 1970
        self.month = parts.month ?? 1
        self.day = parts.day ?? 1
    }

    /// Parses `YYYY-MM-DD` strictly.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Written digit by digit: `String(format:)` went through Foundation's locale machinery and
    /// was 3 % of the intake profile (every report formats its day several times).
    public var iso: String {
        var bytes = Self.digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        bytes += Self.digits(month, 2)
        bytes.append(UInt8(ascii: "-"))
        bytes += Self.digits(day, 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `YYYY-MM`: the granularity of statistics.
    public var monthKey: String {
        var bytes = Self.digits(year, 4)
        bytes.append(UInt8(ascii: "-"))
        bytes += Self.digits(month, 2)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `value` as exactly `width` decimal digits, zero-padded (days are within 1900–9999).
    private static func digits(_ value: Int, _ width: Int) -> [UInt8] {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = value
        for index in stride(from: width - 1, through: 0, by: -1) {
            bytes[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        return bytes
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD day")
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
