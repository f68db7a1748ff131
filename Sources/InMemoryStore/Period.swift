/// The CHECK on statistics periods: `YYYY` or `YYYY-Qn` (n 1–4), ASCII digits, as SQLite's GLOB
/// `[0-9][0-9][0-9][0-9]` and `[0-9][0-9][0-9][0-9]-Q[1-4]` match them.
enum Period {
    static func isValid(_ period: String) -> Bool {
        let bytes = Array(period.utf8)
        let digits = bytes.prefix(4).allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard bytes.count >= 4, digits else { return false }
        if bytes.count == 4 { return true }
        return bytes.count == 7 && bytes[4] == UInt8(ascii: "-") && bytes[5] == UInt8(ascii: "Q")
            && (UInt8(ascii: "1")...UInt8(ascii: "4")).contains(bytes[6])
    }
}
