import Casework
import Foundation
import SichtbarCore
import Statistics
import Workflow

/// The printable annual report from the Verband's published statistics: title and period, the
/// key numbers, the charts by ground and area of life, the tables of the annual report, the
/// trend over earlier years, and a method note on counting units and disclosure control.
/// The analysts' `/report` page serves it, and `sichtbar stats report` writes the same HTML to
/// a file. It trusts its input: callers verify each file's signature before passing it.
public struct AnnualReport: Sendable {
    public let publications: [StatFile]
    public let policy: StatisticsPolicy
    public let taxonomy: Taxonomy
    /// For the labels of kinds, outcomes and interventions; without it their codes are shown.
    public let workflow: WorkflowPolicy?
    public let language: String

    /// `publications`: the year to report on and any earlier years for the trend, in any order;
    /// the latest whole year is the report's, quarters are ignored.
    public init(
        publications: [StatFile], policy: StatisticsPolicy, taxonomy: Taxonomy,
        workflow: WorkflowPolicy? = nil, language: String = "de"
    ) {
        self.publications = publications
        self.policy = policy
        self.taxonomy = taxonomy
        self.workflow = workflow
        self.language = language
    }

    /// The report as a complete HTML document, with the templates and catalogues of the
    /// templates directory (the `Templates` folder that `serve --templates` names).
    public func html(templates: URL) throws -> String {
        try html(using: ReportTemplate.load(templates: templates))
    }

    /// The same with templates already loaded; `backLink` adds a screen-only link to the page
    /// it was opened from (the web), absent in a saved file.
    public func html(using template: ReportTemplate, backLink: String? = nil) throws -> String {
        let years = publications.filter { $0.period.quarter == nil }.sorted { $0.period.year < $1.period.year }
        guard let file = years.last else { throw AnnualReportError.noYear }
        guard let catalogue = template.catalogue(language) else { throw AnnualReportError.template }
        let view = StatisticsPresentation(
            policy: policy, taxonomy: taxonomy, workflow: workflow,
            strings: catalogue.strings, language: catalogue.code)
        let year = "\(file.period.year)"
        let context = AnnualReportView(
            lang: catalogue.code, dir: catalogue.direction, t: catalogue.strings, stylesheet: template.stylesheet,
            title: view.string("report_title", ["year": year]), year: year,
            periodText: view.string(
                "report_period", ["from": view.numbers.day(file.period.range.from), "to": view.numbers.day(file.period.range.to)]),
            generatedOn: view.numbers.day(file.generatedOn),
            keyNumbers: view.keyNumbers(file),
            charts: [
                view.barChart(file, along: "ground_top", id: "report-chart-grounds", titleKey: "statistics_chart_grounds"),
                view.barChart(file, along: "area_top", id: "report-chart-areas", titleKey: "statistics_chart_areas"),
            ].compactMap { $0 },
            tables: view.tables(file, report: "annual"),
            trend: view.trend(years, id: "report-chart-trend"),
            units: ["neue_faelle", "abgeschlossene_faelle", "offene_faelle", "kurzkontakte", "nicht_klassifiziert"].map {
                AnnualReportView.Unit(unit: view.labels.unit($0), text: view.string("report_unit_\($0)"))
            },
            rules: rules(view),
            marks: view.string("report_method_marks", ["mark": view.primaryMark, "below": view.numbers.count(policy.minimumCount - 1)]),
            backLink: backLink)
        guard let html = template.library.render(context, withTemplate: "annual") else { throw AnnualReportError.template }
        return html
    }

    /// The disclosure rules in force, from the policy, one sentence each.
    func rules(_ view: StatisticsPresentation) -> [String] {
        let numbers = view.numbers
        switch policy.mode {
        case .dp:
            return [view.string("report_rule_dp", ["epsilon": policy.epsilonPerRelease, "cap": policy.yearlyCap])]
        case .exact:
            return [
                view.string(
                    "report_rule_minimum", ["below": numbers.count(policy.minimumCount - 1), "minimum": numbers.count(policy.minimumCount)]),
                view.string("report_rule_secondary", ["width": numbers.count(policy.protectionWidth)]),
                view.string(policy.groupAttribute ? "report_rule_group_on" : "report_rule_group_off"),
                view.string("report_rule_region"),
            ]
        }
    }
}
