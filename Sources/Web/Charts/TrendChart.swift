/// A slope chart of shares over years as inline SVG: one line per category, each with its own
/// marker shape and dash pattern and its name and last value written at the line's end, so no
/// line is told apart by colour alone. Missing (suppressed) years break the line. Like the bar
/// chart it is `role="img"` with `<title>` and `<desc>`; the trend table beside it has every value.
public struct TrendChart: Sendable, Equatable {
    public struct Series: Sendable, Equatable {
        public let label: String
        /// Percent per year, nil where the share is not known (a suppressed count).
        public let shares: [Double?]
        /// The text written after the label at the line's end (the last known share, formatted).
        public let endText: String

        public init(label: String, shares: [Double?], endText: String) {
            self.label = label
            self.shares = shares
            self.endText = endText
        }
    }

    public let id: String
    public let title: String
    public let description: String
    public let years: [String]
    public let series: [Series]

    public init(id: String, title: String, description: String, years: [String], series: [Series]) {
        self.id = id
        self.title = title
        self.description = description
        self.years = years
        self.series = series
    }

    static let width = 680.0
    static let left = 56.0
    static let plotWidth = 330.0
    static let top = 16.0
    static let plotHeight = 260.0
    static let bottom = 34.0
    /// End labels closer than this are pushed apart.
    static let labelGap = 15.0
    /// One per line the presentation draws (`StatisticsPresentation.trendLines`), so no two
    /// lines share a dash pattern or a marker.
    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 5", "12 4", "4 2 1 2"]

    public var height: Double { Self.top + Self.plotHeight + Self.bottom }

    /// The top of the scale: the largest share rounded up to a multiple of 10, at least 10.
    var ceiling: Double {
        let largest = series.flatMap { $0.shares.compactMap { $0 } }.max() ?? 0
        return max(10, (largest / 10).rounded(.up) * 10)
    }

    func x(_ index: Int) -> Double {
        years.count <= 1 ? Self.left + Self.plotWidth / 2 : Self.left + Self.plotWidth * Double(index) / Double(years.count - 1)
    }

    func y(_ share: Double) -> Double { Self.top + Self.plotHeight * (1 - share / ceiling) }

    public func svg() -> String {
        let ident = SVGText.escape(id)
        let n = SVGText.number
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" class="chart trend-chart" role="img" \
            aria-labelledby="\(ident)-title \(ident)-desc" viewBox="0 0 \(n(Self.width)) \(n(height))" \
            width="\(n(Self.width))" height="\(n(height))" font-family="system-ui, sans-serif" font-size="12">
            <title id="\(ident)-title">\(SVGText.escape(title))</title>
            <desc id="\(ident)-desc">\(SVGText.escape(description))</desc>

            """
        // Scale: gridlines every 10 percent, labelled.
        var tick = 0.0
        while tick <= ceiling {
            out +=
                "<line x1=\"\(n(Self.left))\" y1=\"\(n(y(tick)))\" x2=\"\(n(Self.left + Self.plotWidth))\" y2=\"\(n(y(tick)))\" stroke=\"#cccccc\"/>\n"
            out += "<text x=\"\(n(Self.left - 6))\" y=\"\(n(y(tick) + 4))\" text-anchor=\"end\" fill=\"#4a4a4a\">\(Int(tick)) %</text>\n"
            tick += 10
        }
        for (index, year) in years.enumerated() {
            out +=
                "<text x=\"\(n(x(index)))\" y=\"\(n(Self.top + Self.plotHeight + 22))\" text-anchor=\"middle\" fill=\"#1b1b1b\" font-weight=\"bold\">\(SVGText.escape(year))</text>\n"
        }
        var ends: [(y: Double, series: Int, text: String)] = []
        for (number, line) in series.enumerated() {
            let dash = Self.dashes[number % Self.dashes.count]
            var run: [(Double, Double)] = []
            func flush() {
                if run.count > 1 {
                    let points = run.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
                    out +=
                        "<polyline points=\"\(points)\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"1.5\""
                        + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n"
                }
                run = []
            }
            for (index, share) in line.shares.enumerated() {
                guard let share else {
                    flush()
                    continue
                }
                run.append((x(index), y(share)))
            }
            flush()
            for (index, share) in line.shares.enumerated() {
                guard let share else { continue }
                out += Self.marker(number, at: x(index), y(share)) + "\n"
            }
            if let last = line.shares.lastIndex(where: { $0 != nil }), let share = line.shares[last] {
                ends.append((y(share), number, "\(line.label) \(line.endText)"))
            }
        }
        // End labels, top to bottom, pushed apart so none overlaps another.
        var previous = -Double.infinity
        let labelX = Self.left + Self.plotWidth + 14
        for end in ends.sorted(by: { $0.y < $1.y }) {
            let placed = max(end.y + 4, previous + Self.labelGap)
            previous = placed
            out += Self.marker(end.series, at: labelX, placed - 4) + "\n"
            let text = SVGText.clipped(end.text, to: 40)
            out += "<text x=\"\(n(labelX + 9))\" y=\"\(n(placed))\" fill=\"#1b1b1b\">\(SVGText.escape(text))</text>\n"
        }
        out += "</svg>"
        return out
    }

    static let shapes = ["circle", "square", "triangle", "diamond", "cross", "triangleDown", "plus"]

    /// The series' marker: a shape per series (with a dash pattern per line), black on white.
    static func marker(_ series: Int, at x: Double, _ y: Double) -> String {
        let name = shapes[series % shapes.count]
        let n = SVGText.number
        let common = "fill=\"#ffffff\" stroke=\"#1b1b1b\" stroke-width=\"1.5\""
        switch name {
        case "circle":
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4\" \(common)/>"
        case "square":
            return "<rect x=\"\(n(x - 4))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\" \(common)/>"
        case "triangle":
            return "<polygon points=\"\(n(x)),\(n(y - 5)) \(n(x + 5)),\(n(y + 4)) \(n(x - 5)),\(n(y + 4))\" \(common)/>"
        case "diamond":
            return "<polygon points=\"\(n(x)),\(n(y - 5)) \(n(x + 5)),\(n(y)) \(n(x)),\(n(y + 5)) \(n(x - 5)),\(n(y))\" \(common)/>"
        case "triangleDown":
            return "<polygon points=\"\(n(x)),\(n(y + 5)) \(n(x + 5)),\(n(y - 4)) \(n(x - 5)),\(n(y - 4))\" \(common)/>"
        case "plus":
            return
                "<path d=\"M\(n(x - 5)),\(n(y)) L\(n(x + 5)),\(n(y)) M\(n(x)),\(n(y - 5)) L\(n(x)),\(n(y + 5))\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>"
        default:
            return
                "<path d=\"M\(n(x - 4)),\(n(y - 4)) L\(n(x + 4)),\(n(y + 4)) M\(n(x + 4)),\(n(y - 4)) L\(n(x - 4)),\(n(y + 4))\" fill=\"none\" stroke=\"#1b1b1b\" stroke-width=\"2\"/>"
        }
    }
}
