import Statistics

extension StatisticsPresentation {
    /// The counts of a publication along one dimension (`ground_top`, `area_top`) with the total
    /// they are shares of: from a one-dimensional table where one exists, else from the margins
    /// of a cross table that has the dimension.
    static func series(_ file: StatFile, along dimension: String) -> (
        table: StatTable, entries: [(code: String, cell: StatCell?)], total: StatCell?
    )? {
        let candidates = file.tables.filter { $0.dimensions.contains(dimension) }
        guard let table = candidates.first(where: { $0.dimensions.count == 1 }) ?? candidates.first else { return nil }
        let entries: [(code: String, cell: StatCell?)] = codes(table, along: dimension).map { code in
            (
                code: code,
                cell: table.dimensions.count == 1 ? table.cells.first { $0.key == [dimension: code] } : margin(table, [dimension: code])
            )
        }
        return (table, entries, margin(table, [:]))
    }

    /// A bar chart of the cases along `dimension`, with the data it shows for the table beside it;
    /// nil when the publication has no table along it.
    func barChart(_ file: StatFile, along dimension: String, id: String, titleKey: String) -> Chart? {
        guard let series = Self.series(file, along: dimension) else { return nil }
        let table = series.table
        let bars = series.entries.map { entry in
            let shown = cell(entry.cell)
            // The table's label: a parent says whether it counts its subtypes, so the text
            // alternative's "largest values" name the same number the table shows.
            return BarChart.Bar(
                label: tableLabel(entry.code, of: dimension),
                value: entry.cell.flatMap { $0.suppressed ? nil : $0.count }, valueText: shown.text)
        }
        let title = string(titleKey, ["period": file.period.description])
        let chart = BarChart(
            id: id, title: title, description: barDescription(bars, unit: labels.unit(table.unit), nennungen: !table.additive), bars: bars)
        return Chart(
            id: id, title: title, svg: chart.svg(), description: chart.description,
            dimension: labels.dimension(dimension), unit: labels.unit(table.unit),
            rows: bars.map { Chart.Row(label: $0.label, value: $0.valueText) })
    }

    /// The sentence a screen reader hears for a bar chart: how many bars, the three largest,
    /// and how many counts are protected.
    func barDescription(_ bars: [BarChart.Bar], unit: String, nennungen: Bool) -> String {
        // By value, ties in the chart's order; protected bars have no value to rank.
        let largest = bars.enumerated().filter { $0.element.value != nil }
            .sorted { ($0.element.value ?? 0, -$0.offset) > ($1.element.value ?? 0, -$1.offset) }.prefix(3).map(\.element)
        var text = string(
            "statistics_chart_description",
            [
                "count": numbers.count(bars.count), "unit": unit,
                "largest": largest.map { "\($0.label): \($0.valueText)" }.joined(separator: "; "),
            ])
        let protected = bars.filter { $0.value == nil }.count
        if protected > 0 {
            text += " " + string("statistics_chart_description_suppressed", ["count": numbers.count(protected), "minimum": primaryMark])
        }
        if nennungen { text += " " + string("statistics_chart_description_nennungen") }
        return text
    }
}
