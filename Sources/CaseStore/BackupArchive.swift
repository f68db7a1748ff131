import Foundation
import Sealing

/// The backup file: named files in one `crypto_secretstream` stream, its key sealed to the backup
/// public key (`crypto_box_seal`), so the file holds no readable byte of what it carries and only
/// the holder of the backup key file opens it. Layout: `SBBK1\n`, the sealed stream key (u16
/// length first), the stream header, then chunks (u32 length, ciphertext) of 64 KiB of plaintext,
/// the last with the final tag. The plaintext is a sequence of entries (u16 name length, name,
/// u64 size, bytes) ended by an empty name.
public enum BackupArchive {
    static let magic: [UInt8] = Array("SBBK1\n".utf8)
    static let chunkSize = 1 << 16

    /// Writes `files` (name, path) encrypted to `recipient` into a new file at `out` (0600).
    public static func write(_ files: [(name: String, url: URL)], to out: URL, recipient: BoxPublicKey) throws {
        guard FileManager.default.createFile(atPath: out.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw BackupError.cannotWrite(out.path)
        }
        let handle = try FileHandle(forWritingTo: out)
        defer { try? handle.close() }
        let key = SecureBytes(randomCount: SecretStreamSealer.keyCount)
        let sealer = try SecretStreamSealer(key: key)
        let sealedKey = SealedBox.seal(key, to: recipient)
        try handle.write(contentsOf: magic + be(UInt16(sealedKey.count)) + sealedKey + sealer.header)

        var pending: [UInt8] = []
        func flush(final: Bool) throws {
            while pending.count >= chunkSize || (final && !pending.isEmpty) {
                let count = min(chunkSize, pending.count)
                let isLast = final && count == pending.count
                let sealed = pending.withUnsafeBytes { sealer.seal(UnsafeRawBufferPointer(rebasing: $0[0..<count]), final: isLast) }
                try handle.write(contentsOf: be(UInt32(sealed.count)) + sealed)
                pending.removeFirst(count)
            }
        }
        for (name, url) in files {
            let input = try FileHandle(forReadingFrom: url)
            defer { try? input.close() }
            let size = try input.seekToEnd()
            try input.seek(toOffset: 0)
            pending += be(UInt16(name.utf8.count)) + Array(name.utf8) + be(size)
            var left = size
            while left > 0, let data = try input.read(upToCount: chunkSize), !data.isEmpty {
                pending += data
                left -= UInt64(data.count)
                try flush(final: false)
            }
            guard left == 0 else { throw BackupError.check("\(url.path) changed while it was copied") }
        }
        pending += be(UInt16(0))
        try flush(final: true)
        try handle.synchronize()
    }

    /// Opens a backup with the key pair and writes each entry into `folder` (0600), refusing names
    /// outside `allowed`; returns each name with its size. Throws on any change to the file, and
    /// when it ends before its last chunk.
    public static func read(_ file: URL, key: BoxKeyPair, into folder: URL, allowed: Set<String>) throws -> [String: UInt64] {
        let input = try FileHandle(forReadingFrom: file)
        defer { try? input.close() }
        func next(_ count: Int) throws -> [UInt8] {
            let data = try input.read(upToCount: count) ?? Data()
            guard data.count == count else { throw BackupError.malformed("\(file.path) is cut off") }
            return [UInt8](data)
        }
        guard try next(magic.count) == magic else { throw BackupError.malformed("\(file.path) is not a Sichtbar backup") }
        let sealedKey = try next(Int(try number(next(2))))
        let streamKey: SecureBytes
        do {
            streamKey = try SealedBox.open(sealedKey, with: key)
        } catch {
            throw BackupError.malformed("\(file.path) was not made for this backup key")
        }
        let opener = try SecretStreamOpener(key: streamKey, header: try next(SecretStreamSealer.headerCount))
        var parser = EntryParser(folder: folder, allowed: allowed)
        while !opener.finished {
            let length = Int(try number(next(4)))
            guard length <= chunkSize + SecretStreamSealer.overhead else {
                throw BackupError.malformed("\(file.path): a chunk is too long")
            }
            let plain: SecureBytes
            do {
                plain = try opener.open(try next(length))
            } catch {
                throw BackupError.malformed("\(file.path) was changed: a chunk does not authenticate")
            }
            try parser.feed(plain.copyBytes())
        }
        guard try input.read(upToCount: 1)?.isEmpty ?? true else { throw BackupError.malformed("\(file.path) has data after its end") }
        guard parser.ended else { throw BackupError.malformed("\(file.path) ends inside an entry") }
        return parser.sizes
    }

    static func be<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    static func number(_ bytes: [UInt8]) -> UInt64 {
        bytes.reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Splits the decrypted stream into its entries, writing each to its file as it arrives.
    struct EntryParser {
        let folder: URL
        let allowed: Set<String>
        var buffer: [UInt8] = []
        var current: (name: String, left: UInt64, handle: FileHandle)?
        var sizes: [String: UInt64] = [:]
        var ended = false

        mutating func feed(_ bytes: [UInt8]) throws {
            guard !ended || bytes.isEmpty else { throw BackupError.malformed("the backup has data after its last entry") }
            buffer += bytes
            while !buffer.isEmpty || current?.left == 0 {
                if var entry = current {
                    let take = Int(min(entry.left, UInt64(buffer.count)))
                    try entry.handle.write(contentsOf: buffer[0..<take])
                    buffer.removeFirst(take)
                    entry.left -= UInt64(take)
                    if entry.left == 0 {
                        try entry.handle.synchronize()
                        try entry.handle.close()
                        current = nil
                    } else {
                        current = entry
                        return
                    }
                    continue
                }
                guard buffer.count >= 2 else { return }
                let nameLength = Int(BackupArchive.number(Array(buffer[0..<2])))
                if nameLength == 0 {
                    buffer.removeFirst(2)
                    ended = true
                    guard buffer.isEmpty else { throw BackupError.malformed("the backup has data after its last entry") }
                    return
                }
                guard buffer.count >= 2 + nameLength + 8 else { return }
                let name = String(decoding: buffer[2..<(2 + nameLength)], as: UTF8.self)
                guard allowed.contains(name), sizes[name] == nil else {
                    throw BackupError.malformed("the backup holds an unexpected entry '\(name)'")
                }
                let size = BackupArchive.number(Array(buffer[(2 + nameLength)..<(10 + nameLength)]))
                buffer.removeFirst(10 + nameLength)
                let url = folder.appendingPathComponent(name)
                guard FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw BackupError.cannotWrite(url.path)
                }
                current = (name, size, try FileHandle(forWritingTo: url))
                sizes[name] = size
            }
        }
    }
}
