extension StatTable {
    /// The table as RFC 4180 CSV (UTF-8, no byte order mark, CRLF after every record), for
    /// spreadsheets: a header `dimensions…,count,suppressed`, then one row per interior cell and
    /// one per margin, in the table's order. A margin leaves the dimensions it sums over empty
    /// (the grand total has all of them empty). `count` is empty where suppressed; `suppressed` is
    /// `no`, `primary` (the cell itself is too small: "<5") or `secondary` (withheld only so the
    /// others cannot be worked out). These are the exact bytes a `.sig` signs
    /// (`StatSignature(signing:with:)`): write them unchanged.
    ///
    /// The CSV carries neither unit nor period: the signed JSON file is the authoritative form,
    /// the CSV a convenience whose file name must say which table and period it is. Fields a
    /// spreadsheet would run as a formula are neutralised (`neutralised(_:)`).
    public func csv() -> [UInt8] {
        var output: [UInt8] = []
        Self.appendRecord(dimensions + ["count", "suppressed"], to: &output)
        for cell in cells + margins {
            var fields = dimensions.map { cell.key[$0] ?? "" }
            fields.append(cell.count.map(String.init) ?? "")
            fields.append(cell.suppressed ? (cell.primary ? "primary" : "secondary") : "no")
            Self.appendRecord(fields, to: &output)
        }
        return output
    }

    /// The CSV for spreadsheet programs: a UTF-8 byte order mark first, so that Excel and
    /// LibreOffice read the umlauts right, then `csv()`. A download's `.sig` signs these bytes.
    public func spreadsheetCSV() -> [UInt8] {
        [0xEF, 0xBB, 0xBF] + csv()
    }

    /// A spreadsheet reads a field starting with `=`, `+`, `-` or `@` (or a tab or carriage
    /// return, which some strip first) as a formula; such a field gets a leading `'`, so it is
    /// shown as text (OWASP, "CSV Injection"). Counts are never negative, so no number changes.
    static func neutralised(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return field }
        return "'" + field
    }

    private static func appendRecord(_ fields: [String], to output: inout [UInt8]) {
        for (position, field) in fields.map(neutralised).enumerated() {
            if position > 0 { output.append(UInt8(ascii: ",")) }
            let needsQuotes = field.utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            if needsQuotes {
                output.append(UInt8(ascii: "\""))
                for byte in field.utf8 {
                    if byte == UInt8(ascii: "\"") { output.append(byte) }
                    output.append(byte)
                }
                output.append(UInt8(ascii: "\""))
            } else {
                output.append(contentsOf: field.utf8)
            }
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }
}
