/// Why an annual report cannot be written: the command line prints it and exits 2.
public enum AnnualReportError: Error, Equatable, CustomStringConvertible {
    /// None of the files given is the Verband's publication of a whole year.
    case noYear
    /// The template did not render (a broken partial, say).
    case template

    public var description: String {
        switch self {
        case .noYear: return "no published statistics of a whole year (an annual report needs a file of period YYYY)"
        case .template: return "the report template (Templates/reports/annual.mustache) did not render"
        }
    }
}
