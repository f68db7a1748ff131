import Statistics

extension StatisticsPresentation {
    /// How many lines the trend chart draws: the largest grounds of the latest year. The table
    /// beside it lists every ground.
    static let trendLines = 6

    /// Each ground's share of the year's cases and its change in percentage points against the
    /// year before, over every yearly publication given (oldest first), as a table and a slope
    /// chart; nil with fewer than two years. A ground counts once per case that names it
    /// (Nennungen), so the shares of one year add up to more than 100 %.
    func trend(_ files: [StatFile], dimension: String = "ground_top", id: String = "chart-trend") -> Trend? {
        let yearly = files.filter { $0.period.quarter == nil }.sorted { $0.period.year < $1.period.year }
        guard yearly.count >= 2 else { return nil }
        let years = yearly.map(\.period.year)
        var order: [String] = []
        var shares: [String: [Int: Double]] = [:]
        for file in yearly {
            guard let series = Self.series(file, along: dimension) else { continue }
            let total = series.total
            for entry in series.entries {
                if !order.contains(entry.code) { order.append(entry.code) }
                guard let count = entry.cell?.count, entry.cell?.suppressed != true,
                    let all = total?.count, total?.suppressed != true, all > 0
                else { continue }
                shares[entry.code, default: [:]][file.period.year] = Double(count) * 100 / Double(all)
            }
        }
        guard !order.isEmpty else { return nil }
        var head = [labels.dimension(dimension)]
        for (index, year) in years.enumerated() {
            head.append(string("statistics_trend_share", ["year": "\(year)"]))
            if index > 0 { head.append(string("statistics_trend_change", ["year": "\(year)", "previous": "\(year - 1)"])) }
        }
        let rows = order.map { code in
            var cells: [Trend.TrendCell] = []
            for (index, year) in years.enumerated() {
                let share = shares[code]?[year]
                cells.append(Trend.TrendCell(text: share.map(numbers.percent) ?? Self.secondaryMark))
                if index > 0 {
                    if let share, let before = shares[code]?[year - 1] {
                        cells.append(Trend.TrendCell(text: numbers.points(share - before), change: true))
                    } else {
                        cells.append(Trend.TrendCell(text: Self.secondaryMark))
                    }
                }
            }
            return Trend.Row(label: labels.code(code, of: dimension), cells: cells)
        }
        let latest = years[years.count - 1]
        let drawn = order.filter { shares[$0]?[latest] != nil }
            .sorted { (shares[$0]?[latest] ?? 0) > (shares[$1]?[latest] ?? 0) }
            .prefix(Self.trendLines)
        let series = drawn.map { code in
            TrendChart.Series(
                label: labels.code(code, of: dimension), shares: years.map { shares[code]?[$0] },
                endText: shares[code]?[latest].map(numbers.percent) ?? "")
        }
        let title = string("statistics_trend_title", ["from": "\(years[0])", "to": "\(latest)"])
        let description = string(
            "statistics_trend_description",
            [
                "count": numbers.count(series.count), "from": "\(years[0])", "to": "\(latest)",
                "lines": series.map { line in
                    let first = line.shares.first { $0 != nil }.flatMap { $0 }.map(numbers.percent) ?? Self.secondaryMark
                    return "\(line.label): \(first) → \(line.endText)"
                }.joined(separator: "; "),
            ])
        let chart = TrendChart(id: id, title: title, description: description, years: years.map { "\($0)" }, series: series)
        return Trend(
            id: id, title: title, svg: chart.svg(), description: description, head: head, rows: rows,
            note: string("statistics_trend_note"))
    }
}
