import Casework
import SichtbarCore

/// Numbers as the statistics pages and the report print them: German grouping and decimal
/// comma on German pages ("1.234", "12,5 %", "+2,4 Pp."), English conventions otherwise.
/// Written out by hand with integer arithmetic on tenths, so the output does not depend on the
/// host's locale data.
public struct StatisticsNumbers: Sendable, Equatable {
    public let language: String

    public init(language: String) {
        self.language = language
    }

    var german: Bool { language == "de" || language.hasPrefix("de-") }
    var groupSeparator: String { german ? "." : "," }
    var decimalSeparator: String { german ? "," : "." }

    /// A count with thousands grouped.
    public func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += groupSeparator }
            out.append(digit)
        }
        return (value < 0 ? "−" : "") + out
    }

    /// Tenths of `value`, rounded half away from zero.
    static func tenths(_ value: Double) -> Int { Int((value * 10).rounded()) }

    func oneDecimal(_ tenths: Int) -> String {
        "\(count(tenths.magnitude == 0 ? 0 : Int(tenths.magnitude) / 10))\(decimalSeparator)\(Int(tenths.magnitude) % 10)"
    }

    /// A share in percent with one decimal: "12,5 %".
    public func percent(_ value: Double) -> String {
        let tenths = Self.tenths(value)
        return (tenths < 0 ? "−" : "") + oneDecimal(tenths) + (german ? " %" : "%")
    }

    /// A change in percentage points, always signed: "+2,4 Pp.", "−0,7 Pp.", "±0,0 Pp.".
    public func points(_ value: Double) -> String {
        let tenths = Self.tenths(value)
        let sign = tenths > 0 ? "+" : tenths < 0 ? "−" : "±"
        return sign + oneDecimal(tenths) + (german ? " Pp." : " pp")
    }

    /// A day: "31. Dezember 2026" on German pages (written out, no locale data), ISO otherwise.
    public func day(_ day: Day) -> String { german ? day.germanLong : day.description }
}
