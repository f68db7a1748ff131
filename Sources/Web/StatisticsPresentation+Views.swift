extension StatisticsPresentation {
    /// A count as shown: the number, or the mark of a suppressed count with a sentence for screen
    /// readers, or "keine Beratungsstelle" for a region nobody serves. A missing cell is only
    /// its empty `text`.
    struct Cell {
        let text: String
        var suppressed: Bool?
        /// `primary` or `secondary` for a suppressed count, else empty.
        var kind: String?
        var spoken: String?
        var unserved: Bool?
    }

    /// One published table with labelled rows, columns and margins: a table without dimensions
    /// is its `single` total; otherwise `head`, `rows` and the total row `foot`.
    struct Table {
        /// A row of counts under its label; the total row too.
        struct Row {
            let label: String
            let cells: [Cell]
        }

        let id: String
        let title: String
        let unit: String
        let period: String
        let csv: String
        /// That a case may count in several rows (Nennungen), naming the dimensions.
        var nennungen: String?
        /// Which codes a merged row or column holds.
        var recoded: String?
        var single: Cell?
        var head: [String] = []
        var rows: [Row] = []
        var foot: Row?
        /// A cross table, wider than the text.
        var wide = false
    }

    /// A grand total of a headline unit.
    struct KeyNumber {
        let label: String
        let value: Cell
    }

    /// A bar chart and the data it shows, for the table beside it.
    struct Chart {
        struct Row {
            let label: String
            let value: String
        }

        let id: String
        let title: String
        let svg: String
        let description: String
        let dimension: String
        let unit: String
        let rows: [Row]
    }

    /// The shares of each ground over the years and their changes, as a table and a slope chart.
    struct Trend {
        struct Row {
            let label: String
            let cells: [TrendCell]
        }

        /// A share, or its change against the year before (`change`).
        struct TrendCell {
            let text: String
            var change = false
        }

        let id: String
        let title: String
        let svg: String
        let description: String
        let head: [String]
        let rows: [Row]
        let note: String
    }
}
