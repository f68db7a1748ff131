import NIOCore

/// A multipart body as a browser builds it: text fields, then files (with a file name and a
/// Content-Type the server must ignore).
public enum MultipartForm {
    public static let boundary = "----SichtbarTestBoundary7MA4YWxkTrZu0gW"

    public static func body(_ fields: [(String, String)], files: [(String, [UInt8])] = []) -> ByteBuffer {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for (index, (name, bytes)) in files.enumerated() {
            // A browser sends an empty file input as a part with an empty file name.
            let fileName = bytes.isEmpty ? "" : "IMG_20\(index); Vermieter.jpg"
            body += Array(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(fileName)\"\r\nContent-Type: image/gif\r\n\r\n"
                    .utf8)
            body += bytes + Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return ByteBuffer(bytes: body)
    }
}
