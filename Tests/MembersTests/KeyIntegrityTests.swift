import Members
import Sealing
import SichtbarCore
import SichtbarTesting
import Testing

/// The key manifest and the checks each seal goes through, one finding at a time.
struct KeyIntegrityTests {
    struct Office_ {
        let secrets = OfficeSecrets(version: 1, keyPair: BoxKeyPair(), statisticsRing: SecureBytes(randomCount: 32))
        let recovery = BoxKeyPair().publicKey
        let lead: Member
        let counsellor: Member
        var office: Office
        var manifest: KeyManifest

        init() throws {
            let id = EntityID.random()
            lead = try Member.create(
                username: "lead.koeln", officeID: id, role: .lead, passphrase: SecureBytes(utf8: "Kompass-Laterne-Ufer-77")
            ).0
            counsellor = try Member.create(
                username: "cem", officeID: id, role: .counsellor, passphrase: SecureBytes(utf8: "Kompass-Laterne-Ufer-78")
            ).0
            office = Office(id: id, name: "ADA Köln", publicKey: secrets.keyPair.publicKey, keyVersion: 1, profile: OfficeProfile())
            manifest = KeyManifest(
                officeID: id, keyVersion: 1, officePublicKey: secrets.keyPair.publicKey, recoveryPublicKey: recovery,
                members: [Entry(lead), Entry(counsellor)], verbandPublicKey: nil)
        }

        typealias Entry = KeyManifest.Entry

        func check(
            _ stored: StoredKeyManifest? = nil, root: [UInt8]? = nil, office: Office? = nil, recovery: BoxPublicKey? = nil,
            members: [Member]? = nil
        ) throws -> [String] {
            let signed = try SignedKeyManifest(manifest, secrets: secrets)
            return KeyIntegrity.check(
                stored: stored ?? .present(signed), secrets: secrets, root: root ?? secrets.rootFingerprint,
                office: office ?? self.office, recoveryKey: recovery ?? self.recovery,
                members: members ?? [lead, counsellor]
            ).problems.map(\.code)
        }
    }

    @Test func theManifestReadsBackFromItsCanonicalBytesAndNothingElse() throws {
        let fixture = try Office_()
        let pinned = fixture.manifest.with(verbandPublicKey: BoxKeyPair().publicKey)
        for manifest in [fixture.manifest, pinned] {
            #expect(KeyManifest(canonicalBytes: manifest.canonicalBytes) == manifest)
        }
        var bytes = pinned.canonicalBytes
        bytes.append(0)
        #expect(KeyManifest(canonicalBytes: bytes) == nil, "trailing bytes")
        #expect(KeyManifest(canonicalBytes: Array(pinned.canonicalBytes.dropLast())) == nil, "cut short")
        // Member order does not matter: equal sets encode alike.
        #expect(fixture.manifest.with(members: fixture.manifest.members.reversed()).canonicalBytes == fixture.manifest.canonicalBytes)
    }

    @Test func theTagOnlyVerifiesUnderTheOfficesOwnSecretsAndUnchanged() throws {
        let fixture = try Office_()
        let signed = try SignedKeyManifest(fixture.manifest, secrets: fixture.secrets)
        #expect(signed.isAuthentic(under: fixture.secrets))
        // A rotated ring still checks the manifest of an earlier version.
        #expect(signed.isAuthentic(under: fixture.secrets.rotated()))
        let forger = OfficeSecrets(version: 1, keyPair: fixture.secrets.keyPair, statisticsRing: SecureBytes(randomCount: 32))
        #expect(!signed.isAuthentic(under: forger), "the same office key pair but a made-up ring")
        let altered = SignedKeyManifest(manifest: fixture.manifest.with(recoveryPublicKey: BoxKeyPair().publicKey), tag: signed.tag)
        #expect(!altered.isAuthentic(under: fixture.secrets))
    }

    @Test func intactRowsRaiseNothing() throws {
        #expect(try Office_().check() == [])
    }

    @Test func everySwapIsNamed() throws {
        let fixture = try Office_()
        var swapped = fixture.office
        swapped.publicKey = BoxKeyPair().publicKey
        #expect(try fixture.check(office: swapped) == ["office_key", "office_key"], "the secrets' key and the manifest's both differ")
        #expect(try fixture.check(recovery: BoxKeyPair().publicKey) == ["recovery_key"])
        let mallory = try Member.create(
            username: "mallory", officeID: fixture.office.id, role: .lead,
            passphrase: SecureBytes(utf8: "Kompass-Laterne-Ufer-79")
        ).0
        #expect(try fixture.check(members: [fixture.lead, fixture.counsellor, mallory]) == ["member_added mallory"])
        let rekeyed = Member(
            id: fixture.counsellor.id, username: "cem", officeID: fixture.office.id, role: .counsellor,
            publicKey: BoxKeyPair().publicKey, wrappedSecret: fixture.counsellor.wrappedSecret)
        #expect(try fixture.check(members: [fixture.lead, rekeyed]) == ["member_key cem"])
        let promoted = Member(
            id: fixture.counsellor.id, username: "cem", officeID: fixture.office.id, role: .lead,
            publicKey: fixture.counsellor.publicKey, wrappedSecret: fixture.counsellor.wrappedSecret)
        #expect(try fixture.check(members: [fixture.lead, promoted]) == ["member_changed cem"])
        #expect(try fixture.check(members: [fixture.lead]) == ["member_missing cem"])
    }

    /// The member half of `compare`, which the Verband's check runs on its analysts: the keys of
    /// an office are not its concern.
    @Test func theMemberComparisonNamesMembersOnly() throws {
        let fixture = try Office_()
        let otherKeys = fixture.manifest.with(recoveryPublicKey: BoxKeyPair().publicKey)
        #expect(KeyIntegrity.compareMembers(otherKeys, members: [fixture.lead, fixture.counsellor]).isEmpty)
        #expect(KeyIntegrity.compareMembers(otherKeys, members: [fixture.lead]).map(\.code) == ["member_missing cem"])
    }

    @Test func aForgedRingIsToldByTheRootTheMembersWrapCarries() throws {
        let fixture = try Office_()
        #expect(try fixture.check(root: [UInt8](repeating: 7, count: 32)) == ["office_root"])
    }

    @Test func aMissingUnreadableOrForgedManifestIsNamedAndOnlyAMissingOneMayBeConfirmed() throws {
        let fixture = try Office_()
        #expect(try fixture.check(.missing) == ["manifest_missing"])
        #expect(try fixture.check(.unreadable) == ["manifest_unreadable"])
        let forged = SignedKeyManifest(manifest: fixture.manifest, tag: [UInt8](repeating: 1, count: 32))
        #expect(try fixture.check(.present(forged)) == ["manifest_tag"])
        func report(_ codes: [String]) -> KeyIntegrityReport {
            KeyIntegrityReport(
                office: fixture.office, recoveryKey: fixture.recovery, members: [], manifest: nil,
                problems: codes.map { KeyIntegrityProblem($0, $0) }, serverVerbandKey: nil)
        }
        #expect(report(["manifest_missing"]).canConfirmManifest)
        #expect(!report(["manifest_missing", "office_root"]).canConfirmManifest, "a forged ring is an alarm, never confirmed")
        #expect(!report(["manifest_tag"]).canConfirmManifest)
        #expect(!report([]).canConfirmManifest)
    }

    @Test func theWrapCarriesTheRootAndOlderWrapsStillOpen() throws {
        let root = [UInt8](repeating: 9, count: 32)
        let (member, keys) = try Member.create(
            username: "cem", officeID: nil, role: .counsellor,
            passphrase: SecureBytes(utf8: "Kompass-Laterne-Ufer-77"), root: root)
        let unlocked = try member.unlockKeys(passphrase: SecureBytes(utf8: "Kompass-Laterne-Ufer-77"))
        #expect(unlocked.keyPair.publicKey == keys.publicKey)
        #expect(unlocked.root == root)
        let (older, _) = try Member.create(
            username: "alt", officeID: nil, role: .counsellor, passphrase: SecureBytes(utf8: "Kompass-Laterne-Ufer-77"))
        #expect(try older.unlockKeys(passphrase: SecureBytes(utf8: "Kompass-Laterne-Ufer-77")).root == nil)
    }

    @Test func fingerprintsAreStableGroupsOfHex() throws {
        let key = BoxKeyPair().publicKey
        let fingerprint = KeyFingerprint.of(key)
        #expect(fingerprint == KeyFingerprint.of(key))
        #expect(fingerprint.split(separator: " ").count == 8)
        #expect(fingerprint != KeyFingerprint.of(BoxKeyPair().publicKey))
        #expect(KeyFingerprint.bytes(key).count == 16)
    }
}
