import Foundation

/// `--json` output: one JSON object on one line of standard output.
enum JSONOutput {
    static func print(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandleWriter.write(String(decoding: data, as: UTF8.self) + "\n", to: 1)
    }
}
