/// Picks a page language from an `Accept-Language` header (RFC 9110, 12.5.4) on a first visit
/// without `?lang=`; the choice then stays in the links' `?lang=`, never in a cookie.
enum AcceptLanguage {
    /// The first of `codes` the header accepts, by descending quality: an exact tag first
    /// (`de-x-ls`), else the primary subtag (`tr-TR` → `tr`, `fa-AF` for Dari → `fa`). Nil when
    /// none fits or the header is absent.
    static func choose(_ header: String?, among codes: [String]) -> String? {
        guard let header, !header.isEmpty else { return nil }
        var ranges: [(tag: String, quality: Double, order: Int)] = []
        for (order, part) in header.split(separator: ",").prefix(32).enumerated() {
            let fields = part.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let tag = fields.first?.lowercased(), !tag.isEmpty, tag.count <= 35 else { continue }
            var quality = 1.0
            for field in fields.dropFirst() where field.hasPrefix("q=") {
                quality = Double(field.dropFirst(2)) ?? 0
            }
            if quality > 0 { ranges.append((tag, quality, order)) }
        }
        ranges.sort { $0.quality != $1.quality ? $0.quality > $1.quality : $0.order < $1.order }
        for range in ranges {
            if let exact = codes.first(where: { $0.lowercased() == range.tag }) { return exact }
            let primary = range.tag.split(separator: "-").first.map(String.init) ?? range.tag
            if let match = codes.first(where: { $0 == primary }) { return match }
        }
        return nil
    }
}
