import Foundation
import Sealing
import Testing

@testable import CaseStore

/// The backup file: what goes in comes out byte for byte with the key file, nothing of it is
/// readable in the file, and a wrong key, a changed or cut-off file and unexpected entries are refused.
@Suite struct BackupArchiveTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sichtbar-backup-\(UUID().uuidString)")

    func write(_ name: String, _ bytes: Data) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try bytes.write(to: url)
        return url
    }

    func fresh(_ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A database-sized file with a findable marker every few KiB, and a small secrets file.
    func archive() throws -> (file: URL, keyFile: URL, database: Data, secrets: Data) {
        var database = Data()
        for index in 0..<400 {
            database += Data("MARKER-\(index) Bericht über eine Wohnung. ".utf8) + Data(repeating: UInt8(index % 251), count: 700)
        }
        let secrets = Data((0..<68).map { UInt8($0) })
        let keyFile = folder.appendingPathComponent("backup.key")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let publicKey = try BackupKeyFile.create(at: keyFile)
        let file = folder.appendingPathComponent("backup.sbk")
        try BackupArchive.write(
            [("server.secrets", try write("in.secrets", secrets)), ("sichtbar.sqlite", try write("in.sqlite", database))],
            to: file, recipient: publicKey)
        return (file, keyFile, database, secrets)
    }

    /// Where the file's last chunk begins: after the magic, the sealed key, the header and every chunk before it.
    static func lastChunkStart(_ file: Data) -> Int {
        let bytes = [UInt8](file)
        var offset = 6
        offset += 2 + (Int(bytes[offset]) << 8 | Int(bytes[offset + 1]))
        offset += SecretStreamSealer.headerCount
        var last = offset
        while offset < bytes.count {
            last = offset
            offset += 4 + bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        return last
    }

    @Test func whatGoesInComesOutWithTheKeyFile() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, keyFile, database, secrets) = try archive()
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let keyAttributes = try FileManager.default.attributesOfItem(atPath: keyFile.path)
        #expect((keyAttributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let out = try fresh("restored")
        let sizes = try BackupArchive.read(
            file, key: try BackupKeyFile.load(from: keyFile), into: out, allowed: ["server.secrets", "sichtbar.sqlite"])
        #expect(sizes == ["server.secrets": 68, "sichtbar.sqlite": UInt64(database.count)])
        #expect(try Data(contentsOf: out.appendingPathComponent("sichtbar.sqlite")) == database)
        #expect(try Data(contentsOf: out.appendingPathComponent("server.secrets")) == secrets)
    }

    @Test func theFileHoldsNoReadableByte() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, _, database, _) = try archive()
        let bytes = try Data(contentsOf: file)
        #expect(bytes.count > database.count, "the whole database is in it")
        #expect(bytes.range(of: Data("MARKER-".utf8)) == nil)
        #expect(bytes.range(of: Data(repeating: 17, count: 32)) == nil)
    }

    @Test func aWrongKeyAChangeOrACutAreRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (file, keyFile, _, _) = try archive()
        let key = try BackupKeyFile.load(from: keyFile)
        let allowed: Set<String> = ["server.secrets", "sichtbar.sqlite"]
        let other = folder.appendingPathComponent("other.key")
        _ = try BackupKeyFile.create(at: other)
        #expect(throws: BackupError.self, "another key file") {
            try BackupArchive.read(file, key: try BackupKeyFile.load(from: other), into: try fresh("a"), allowed: allowed)
        }
        let original = try Data(contentsOf: file)
        for (name, damaged) in [
            (
                "flipped",
                {
                    var d = original
                    d[d.count / 2] ^= 0x20
                    return d
                }()
            ),
            ("cut", original.prefix(original.count - 100)),
            ("last chunk dropped", original.prefix(Self.lastChunkStart(original))),
            ("appended", original + Data([1, 2, 3])),
        ] {
            let url = folder.appendingPathComponent("\(name).sbk")
            try damaged.write(to: url)
            #expect(throws: BackupError.self, "\(name)") {
                try BackupArchive.read(url, key: key, into: try fresh(name), allowed: allowed)
            }
        }
        #expect(throws: BackupError.self, "an entry the restore does not expect") {
            try BackupArchive.read(file, key: key, into: try fresh("names"), allowed: ["server.secrets"])
        }
        #expect(throws: BackupError.self, "a key file is never overwritten") { _ = try BackupKeyFile.create(at: keyFile) }
    }
}
