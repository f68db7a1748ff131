import Testing

@testable import Sealing

@Suite("RecordCipher: records bound to case, kind, id and key version")
struct RecordCipherTests {
    let key = SecureBytes(randomCount: RecordCipher.keyLength)
    let association = RecordAssociation(
        caseID: Sodium.randomBytes(16), kind: "report", recordID: Sodium.randomBytes(16), keyVersion: 1
    )

    @Test func aRecordOpensUnderItsKeyAndAssociation() throws {
        let plaintext = bytes(#"{"narrative":"Die Wohnung wurde mir verweigert."}"#)
        let sealed = try RecordCipher.seal(plaintext, key: key, association: association)

        #expect(!sealed.containsSubsequence(plaintext))
        #expect(try RecordCipher.open(sealed, key: key, association: association).copyBytes() == plaintext)
    }

    @Test func anEmptyPlaintextRoundTrips() throws {
        let sealed = try RecordCipher.seal([], key: key, association: association)
        #expect(try RecordCipher.open(sealed, key: key, association: association).count == 0)
    }

    @Test func plaintextsEndingInPaddingLikeBytesRoundTrip() throws {
        for plaintext: [UInt8] in [[0x80], [0x00], [0x41, 0x80, 0x00], [UInt8](repeating: 0, count: 256)] {
            let sealed = try RecordCipher.seal(plaintext, key: key, association: association)
            #expect(try RecordCipher.open(sealed, key: key, association: association).copyBytes() == plaintext)
        }
    }

    @Test func aChangedByteAnywhereIsRefused() throws {
        let sealed = try RecordCipher.seal(bytes("Notiz"), key: key, association: association)
        for index in sealed.indices {
            #expect(throws: SealingError.authenticationFailed, "byte \(index) flipped") {
                try RecordCipher.open(flipped(sealed, at: index), key: key, association: association)
            }
        }
    }

    @Test func aTruncatedRecordIsRefused() throws {
        let sealed = try RecordCipher.seal(bytes("Notiz"), key: key, association: association)
        #expect(throws: SealingError.authenticationFailed) {
            try RecordCipher.open(Array(sealed.dropLast()), key: key, association: association)
        }
    }

    @Test func anotherKeyCannotOpen() throws {
        let sealed = try RecordCipher.seal(bytes("Notiz"), key: key, association: association)
        #expect(throws: SealingError.authenticationFailed) {
            try RecordCipher.open(sealed, key: SecureBytes(randomCount: RecordCipher.keyLength), association: association)
        }
    }

    @Test func aKeyOfTheWrongLengthIsRefused() throws {
        let error = #expect(throws: SealingError.self) {
            try RecordCipher.seal(bytes("x"), key: SecureBytes(randomCount: 16), association: association)
        }
        guard case .invalidLength(_, RecordCipher.keyLength, 16)? = error else {
            Issue.record("expected invalidLength, got \(String(describing: error))")
            return
        }
    }

    @Test func aRecordMovedToAnotherCaseIsRefused() throws {
        try expectRefused(
            under: RecordAssociation(
                caseID: Sodium.randomBytes(16), kind: association.kind,
                recordID: association.recordID, keyVersion: association.keyVersion))
    }

    @Test func aRecordRelabelledAsAnotherKindIsRefused() throws {
        try expectRefused(
            under: RecordAssociation(
                caseID: association.caseID, kind: "message",
                recordID: association.recordID, keyVersion: association.keyVersion))
    }

    @Test func aRecordSwappedIntoAnotherRowIsRefused() throws {
        try expectRefused(
            under: RecordAssociation(
                caseID: association.caseID, kind: association.kind,
                recordID: Sodium.randomBytes(16), keyVersion: association.keyVersion))
    }

    @Test func aRecordReplayedUnderAnotherKeyVersionIsRefused() throws {
        try expectRefused(
            under: RecordAssociation(
                caseID: association.caseID, kind: association.kind,
                recordID: association.recordID, keyVersion: association.keyVersion + 1))
    }

    @Test func shiftingBytesBetweenAssociationPartsIsRefused() throws {
        // Without length prefixes, caseID "ab" + kind "c" and caseID "a" + kind "bc" would collide.
        let original = RecordAssociation(caseID: bytes("ab"), kind: "c", recordID: [1], keyVersion: 1)
        let shifted = RecordAssociation(caseID: bytes("a"), kind: "bc", recordID: [1], keyVersion: 1)
        #expect(original.encoded != shifted.encoded)
        let sealed = try RecordCipher.seal(bytes("Notiz"), key: key, association: original)
        #expect(throws: SealingError.authenticationFailed) {
            try RecordCipher.open(sealed, key: key, association: shifted)
        }
    }

    @Test func shortPlaintextsPadToTheSameLength() throws {
        let one = try RecordCipher.seal([UInt8](repeating: 0x61, count: 1), key: key, association: association)
        let twoHundred = try RecordCipher.seal([UInt8](repeating: 0x61, count: 200), key: key, association: association)
        #expect(RecordCipher.defaultBlockSize == 256)
        #expect(one.count == twoHundred.count)
        #expect(one.count == RecordCipher.nonceLength + 256 + RecordCipher.tagLength)
    }

    @Test func aPlaintextFillingABlockPadsIntoTheNextOne() throws {
        let full = try RecordCipher.seal([UInt8](repeating: 0x61, count: 256), key: key, association: association)
        #expect(full.count == RecordCipher.nonceLength + 512 + RecordCipher.tagLength)
        #expect(try RecordCipher.open(full, key: key, association: association).count == 256)
    }

    @Test func aLargerBlockSizeHidesLongerDifferences() throws {
        let short = try RecordCipher.seal(bytes("x"), key: key, association: association, blockSize: 1024)
        let long = try RecordCipher.seal([UInt8](repeating: 0x61, count: 1000), key: key, association: association, blockSize: 1024)
        #expect(short.count == long.count)
        #expect(short.count == RecordCipher.nonceLength + 1024 + RecordCipher.tagLength)
    }

    private func expectRefused(under other: RecordAssociation, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(other != association, sourceLocation: sourceLocation)
        let sealed = try RecordCipher.seal(bytes("Gesprächsnotiz"), key: key, association: association)
        #expect(throws: SealingError.authenticationFailed, sourceLocation: sourceLocation) {
            try RecordCipher.open(sealed, key: key, association: other)
        }
        // The same ciphertext still opens where it belongs.
        #expect(
            try RecordCipher.open(sealed, key: key, association: association).copyBytes() == bytes("Gesprächsnotiz"),
            sourceLocation: sourceLocation)
    }
}
