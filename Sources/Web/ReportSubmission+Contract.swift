import Intake
import ReporterContract

extension ReportSubmission {
    /// The submission as decoded by the generated interface: every member of the document's
    /// `ReportSubmission`, unchecked (the validator checks them, naming the field).
    init(_ body: Components.Schemas.ReportSubmission) {
        self.init(
            language: body.language, narrative: body.narrative, incidentDate: body.incidentDate,
            learnedDate: body.learnedDate, grounds: body.grounds, area: body.area, region: body.region, role: body.role,
            contactWish: body.contactWish, contact: body.contact, office: body.office, consent: body.consent)
    }
}
