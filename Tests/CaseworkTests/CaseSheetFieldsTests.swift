import Foundation
import SichtbarTesting
import Testing

@testable import Casework

@Suite struct CaseSheetFieldsTests {
    /// A sheet from before fields existed keeps every rule; a new one has only the always-fields
    /// until classified; one set by hand overrides the classification.
    @Test func sheetFields() throws {
        let policy = try defaultWorkflow()
        var sheet = CaseSheet()
        #expect(sheet.legalFields(policy) == policy.alwaysFieldCodes)
        sheet.classifiedFields = ["zivilrecht"]
        #expect(sheet.legalFields(policy) == policy.alwaysFieldCodes.union(["zivilrecht"]))
        sheet.chosenFields = ["beschaeftigung"]
        #expect(sheet.legalFields(policy) == policy.alwaysFieldCodes.union(["beschaeftigung"]))
        let legacy = try JSONDecoder().decode(
            CaseSheet.self,
            from: Data(#"{"title":"","persons":[],"events":[],"manualDeadlines":[],"documents":[],"interventions":[]}"#.utf8))
        #expect(legacy.legalFields(policy) == policy.allFieldCodes)
    }
}
