/// Escaping for text and attribute values inside the inline SVG the charts write: labels come
/// from policy files and the taxonomy, never from a request, but are escaped all the same.
enum SVGText {
    static func escape(_ text: String) -> String {
        LetterPage.escape(text)
    }

    /// A label cut to `limit` characters with an ellipsis, so long category names do not run
    /// into the bars; the full name stays in the data table beside the chart.
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// A coordinate with at most one decimal, so the output is stable and short.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
