import Foundation
import SichtbarTesting
import Testing

@testable import Sealing

/// The worked example of the Sealing documentation (Sealing.docc/SealingAReport.md) runs here,
/// and the article shows exactly this code.
@Suite struct DocumentationExampleTests {
    @Test func theWorkedExampleRunsAndBothPartiesReadTheReport() throws {
        // BEGIN EXAMPLE
        // The office's key pair: its secret half stays with the counsellors, the server keeps only the public half.
        let office = BoxKeyPair()

        // A report arrives. One fresh mailbox key encrypts it …
        let mailboxKey = SecureBytes(randomCount: SecretBox.keyLength)
        let sealedReport = try SecretBox.seal(SecureBytes(utf8: "Die Wohnung wurde mir wegen meines Namens verweigert."), key: mailboxKey)
        // … and is itself sealed to the office, and wrapped under the reporter's receipt.
        let forOffice = SealedBox.seal(mailboxKey, to: office.publicKey)
        let receipt = Receipt.generate()
        let forReporter = try SecretBox.seal(mailboxKey, key: ReceiptKeys(receipt: receipt).reporterKey)

        // The office opens the report with its secret key …
        let officeKey = try SealedBox.open(forOffice, with: office)
        let readByOffice = try SecretBox.open(sealedReport, key: officeKey)

        // … and the reporter with nothing but the receipt as they typed it back in.
        let typedBack = try Receipt.parse(receipt.formatted)
        let reporterKey = try SecretBox.open(forReporter, key: ReceiptKeys(receipt: typedBack).reporterKey)
        let readByReporter = try SecretBox.open(sealedReport, key: reporterKey)
        // END EXAMPLE

        #expect(readByOffice.constantTimeEquals(readByReporter))
        #expect(String(decoding: readByOffice.copyBytes(), as: UTF8.self) == "Die Wohnung wurde mir wegen meines Namens verweigert.")
        #expect(throws: (any Error).self) { try SealedBox.open(forOffice, with: BoxKeyPair()) }
        #expect(throws: (any Error).self) { try SecretBox.open(forReporter, key: ReceiptKeys(receipt: Receipt.generate()).reporterKey) }
    }

    @Test func theArticleShowsTheCodeThatRuns() throws {
        let here = URL(fileURLWithPath: #filePath)
        let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let article = try String(
            contentsOf: root.appendingPathComponent("Sources/Sealing/Sealing.docc/SealingAReport.md"), encoding: .utf8)
        let test = try String(contentsOf: here, encoding: .utf8)
        #expect(DocumentationExample.codeBlock(in: article) == DocumentationExample.markedCode(in: test))
        #expect(DocumentationExample.codeBlock(in: article)?.contains { $0.contains("SealedBox.seal") } == true)
    }
}
