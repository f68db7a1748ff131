import Testing

@testable import Sealing

@Suite("ReceiptKeys: reporter key and lookup id derived from a receipt")
struct ReceiptKeysTests {
    let serverKey = SecureBytes(randomCount: 32)

    @Test func theSameReceiptTypedDifferentlyGivesTheSameKeys() throws {
        let receipt = Receipt.generate()
        let original = ReceiptKeys(receipt: receipt)
        let retyped = ReceiptKeys(receipt: try Receipt.parse(receipt.formatted.lowercased().replacingOccurrences(of: "-", with: " ")))

        #expect(original.lookupID(serverKey: serverKey) == retyped.lookupID(serverKey: serverKey))
        #expect(original.reporterKey.constantTimeEquals(retyped.reporterKey))
    }

    @Test func lookAlikeLettersGiveTheSameKeys() throws {
        let canonical = ReceiptKeys(receipt: try Receipt.parse("0123-4567-89AB-CDEF-GHJK"))
        let lookAlike = ReceiptKeys(receipt: try Receipt.parse("oL23 4567 89ab cdef ghjk"))
        #expect(canonical.lookupID(serverKey: serverKey) == lookAlike.lookupID(serverKey: serverKey))
        #expect(canonical.reporterKey.constantTimeEquals(lookAlike.reporterKey))
    }

    @Test func differentReceiptsGiveDifferentLookupIDsAndReporterKeys() throws {
        var ids = Set<[UInt8]>()
        var reporterKeys = Set<[UInt8]>()
        for _ in 0..<500 {
            let keys = ReceiptKeys(receipt: Receipt.generate())
            ids.insert(keys.lookupID(serverKey: serverKey))
            reporterKeys.insert(keys.reporterKey.copyBytes())
        }
        #expect(ids.count == 500)
        #expect(reporterKeys.count == 500)
    }

    @Test func receiptsDifferingInTheLastSymbolGiveDifferentLookupIDs() throws {
        let first = ReceiptKeys(receipt: try Receipt.parse("0000-0000-0000-0000-0000"))
        let second = ReceiptKeys(receipt: try Receipt.parse("0000-0000-0000-0000-0001"))
        #expect(first.lookupID(serverKey: serverKey) != second.lookupID(serverKey: serverKey))
        #expect(!first.reporterKey.constantTimeEquals(second.reporterKey))
    }

    @Test func theLookupIDDependsOnTheServerKey() {
        let keys = ReceiptKeys(receipt: Receipt.generate())
        let otherServerKey = SecureBytes(randomCount: 32)
        #expect(keys.lookupID(serverKey: serverKey) != keys.lookupID(serverKey: otherServerKey))
        #expect(keys.lookupID(serverKey: serverKey) == keys.lookupID(serverKey: serverKey))
    }

    @Test func theLookupIDHasItsDocumentedLengthAndIsNotZero() {
        let id = ReceiptKeys(receipt: Receipt.generate()).lookupID(serverKey: serverKey)
        #expect(id.count == ReceiptKeys.lookupIDLength)
        #expect(id != [UInt8](repeating: 0, count: ReceiptKeys.lookupIDLength))
    }

    @Test func theReporterKeyIsASecretBoxKey() throws {
        let keys = ReceiptKeys(receipt: Receipt.generate())
        #expect(keys.reporterKey.count == SecretBox.keyLength)
        let wrapped = try SecretBox.seal(secret("mailbox key"), key: keys.reporterKey)
        #expect(try SecretBox.open(wrapped, key: keys.reporterKey).copyBytes() == bytes("mailbox key"))
    }

    @Test func theReporterKeyDiffersFromTheLookupSeed() throws {
        let keys = ReceiptKeys(receipt: Receipt.generate())
        let seed = try #require(
            Mirror(reflecting: keys).children.first { $0.label == "lookupSeed" }?.value as? SecureBytes,
            "ReceiptKeys keeps its lookup seed in `lookupSeed`"
        )
        // The mirrored seed is really the one the lookup id is made from.
        #expect(
            KeyedHash.hash(seed.copyBytes(), key: serverKey, length: ReceiptKeys.lookupIDLength)
                == keys.lookupID(serverKey: serverKey))
        #expect(!keys.reporterKey.constantTimeEquals(seed))
        #expect(keys.reporterKey.copyBytes() != seed.copyBytes())
    }

    @Test func neitherKeyIsTheBareMasterKey() throws {
        let receipt = Receipt.generate()
        let keys = ReceiptKeys(receipt: receipt)
        let master = receipt.code.masterKey(length: 32)
        #expect(!keys.reporterKey.constantTimeEquals(master))
    }
}
