import Casework
import Foundation
import Hummingbird
import NIOCore

/// Reads request bodies within limits and turns every problem into an error naming the field.
enum RequestBody {
    /// The body as bytes; 413 `too_large` past `limit`.
    static func bytes(_ request: Request, limit: Int) async throws -> [UInt8] {
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch {
            throw tooLarge(limit)
        }
        return buffer.readBytes(length: buffer.readableBytes) ?? []
    }

    /// 413 `too_large`: the body is longer than `limit` bytes.
    static func tooLarge(_ limit: Int) -> APIError {
        APIError(.contentTooLarge, code: "too_large", message: "the body is larger than \(limit / 1024) KiB")
    }

    /// 400 `bad_request` unless `bytes` are valid UTF-8, as JSON must be.
    static func requireUTF8(_ bytes: [UInt8]) throws {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw APIError(.badRequest, code: "bad_request", message: "the body is not valid UTF-8")
        }
    }

    /// Whether the body is declared `multipart/form-data` with a usable boundary.
    static func isMultipart(_ request: Request) -> Bool {
        request.headers[.contentType].flatMap(MultipartBody.boundary(of:)) != nil
    }

    /// A `multipart/form-data` body, parsed; nil when the body is declared as something else (not
    /// read then), 400 when it is not well-formed, 413 past `limit`.
    static func multipart(_ request: Request, limit: Int) async throws -> MultipartBody? {
        guard let boundary = request.headers[.contentType].flatMap(MultipartBody.boundary(of:)) else { return nil }
        guard let body = MultipartBody(try await bytes(request, limit: limit), boundary: boundary) else {
            throw APIError(.badRequest, code: "bad_request", message: "the body is not valid multipart/form-data")
        }
        return body
    }

    /// True when the body is declared `application/json` (any parameters, any case). A form post
    /// from another site cannot declare it without a CORS preflight, which this server never grants.
    static func isJSON(contentType value: String?) -> Bool {
        guard let value else { return false }
        let type = value.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return type.trimmingCharacters(in: .whitespaces).lowercased() == "application/json"
    }

    static func describe(_ error: DecodingError) -> APIError {
        func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String? {
            let keys = context.codingPath + (key.map { [$0] } ?? [])
            let named = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return named.isEmpty ? nil : named.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        }
        switch error {
        case .typeMismatch(let expected, let context):
            let field = path(context)
            return APIError(
                .badRequest, code: "bad_request",
                message: "\(field ?? "the body") must be \(describeType(expected))", field: field)
        case .valueNotFound(_, let context):
            let field = path(context)
            return APIError(.badRequest, code: "bad_request", message: "\(field ?? "a value") must not be null", field: field)
        case .keyNotFound(let key, let context):
            let field = path(context, key)
            return APIError(
                .unprocessableContent, code: "validation_failed", message: "\(field ?? key.stringValue) is required",
                field: field)
        case .dataCorrupted(let context):
            let field = path(context)
            return APIError(
                .badRequest, code: "bad_request",
                message: field.map { "\($0) is malformed" } ?? "the body is not valid JSON", field: field)
        @unknown default:
            return APIError(.badRequest, code: "bad_request", message: "the body is not valid JSON")
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is [String].Type, is [Any].Type: return "a list"
        case is Int.Type, is Double.Type: return "a number"
        default:
            let name = "\(type)"
            return name.hasPrefix("Array") ? "a list" : (name.hasPrefix("Dictionary") ? "an object" : "of another type")
        }
    }
}
