/// A horizontal bar chart as inline SVG, drawn on the server so the pages need no script.
/// It is readable without colour: every bar carries its value as text, labels are text, and a
/// suppressed count is a hatched, outlined placeholder labelled with its mark ("<5", "–")
/// rather than a bar of made-up length. `role="img"` with `<title>` and `<desc>` gives screen
/// readers a name and a sentence about the data; the page puts the data table beside it.
public struct BarChart: Sendable, Equatable {
    public struct Bar: Sendable, Equatable {
        public let label: String
        /// Nil when the count is suppressed.
        public let value: Int?
        /// What is printed at the bar: the formatted count, or the suppression mark.
        public let valueText: String

        public init(label: String, value: Int?, valueText: String) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    /// Unique within a page (several charts share one document's ids).
    public let id: String
    public let title: String
    public let description: String
    public let bars: [Bar]

    public init(id: String, title: String, description: String, bars: [Bar]) {
        self.id = id
        self.title = title
        self.description = description
        self.bars = bars
    }

    static let width = 680.0
    /// Wide enough for the longest label of the taxonomy at 13 px ("Behinderung und chronische
    /// Krankheit", 36 characters), so no label is cut off at the chart's edge.
    static let labelWidth = 300.0
    static let valueSpace = 70.0
    static let rowHeight = 26.0
    static let barHeight = 16.0
    static let top = 8.0
    static let labelLimit = 40
    /// A placeholder is as long as a count of 4 would be, but never thinner than this.
    static let placeholderMinimum = 26.0

    public var height: Double { Self.top * 2 + Double(bars.count) * Self.rowHeight }

    public func svg() -> String {
        let plot = Self.width - Self.labelWidth - Self.valueSpace
        let largest = max(bars.compactMap(\.value).max() ?? 0, 1)
        let scale = plot / Double(largest)
        let ident = SVGText.escape(id)
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart bar-chart" role="img" \
            aria-labelledby="\(ident)-title \(ident)-desc" viewBox="0 0 \(SVGText.number(Self.width)) \(SVGText.number(height))" \
            width="\(SVGText.number(Self.width))" height="\(SVGText.number(height))" font-family="system-ui, sans-serif" font-size="13">
            <title id="\(ident)-title">\(SVGText.escape(title))</title>
            <desc id="\(ident)-desc">\(SVGText.escape(description))</desc>
            <defs><pattern id="\(ident)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
            <line x1="0" y1="0" x2="0" y2="6" stroke="#5a1f7a" stroke-width="2"/></pattern></defs>

            """
        for (index, bar) in bars.enumerated() {
            let rowTop = Self.top + Double(index) * Self.rowHeight
            let barTop = rowTop + (Self.rowHeight - Self.barHeight) / 2
            let baseline = rowTop + Self.rowHeight / 2 + 4.5
            let x = Self.labelWidth
            out +=
                "<text x=\"\(SVGText.number(x - 8))\" y=\"\(SVGText.number(baseline))\" text-anchor=\"end\" fill=\"#1b1b1b\">"
                + SVGText.escape(SVGText.clipped(bar.label, to: Self.labelLimit)) + "</text>\n"
            let length: Double
            if let value = bar.value {
                length = Double(value) * scale
                if value > 0 {
                    out +=
                        "<rect class=\"bar\" x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(barTop))\" "
                        + "width=\"\(SVGText.number(max(length, 1)))\" height=\"\(SVGText.number(Self.barHeight))\" fill=\"#5a1f7a\"/>\n"
                }
            } else {
                length = max(4 * scale, Self.placeholderMinimum)
                out +=
                    "<rect class=\"bar suppressed\" x=\"\(SVGText.number(x))\" y=\"\(SVGText.number(barTop))\" "
                    + "width=\"\(SVGText.number(length))\" height=\"\(SVGText.number(Self.barHeight))\" "
                    + "fill=\"url(#\(ident)-hatch)\" stroke=\"#5a1f7a\" stroke-width=\"1.5\" stroke-dasharray=\"4 2\"/>\n"
            }
            out +=
                "<text class=\"value\" x=\"\(SVGText.number(x + length + 6))\" y=\"\(SVGText.number(baseline))\" fill=\"#1b1b1b\">"
                + SVGText.escape(bar.valueText) + "</text>\n"
        }
        out +=
            "<line x1=\"\(SVGText.number(Self.labelWidth))\" y1=\"\(SVGText.number(Self.top))\" "
            + "x2=\"\(SVGText.number(Self.labelWidth))\" y2=\"\(SVGText.number(height - Self.top))\" stroke=\"#4a4a4a\"/>\n"
        out += "</svg>"
        return out
    }
}
