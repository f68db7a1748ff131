import Casework
import Foundation
import Hummingbird
import NIOCore
import SichtbarCore
import Statistics

extension StatisticsPages {
    /// `/statistics/csv?period=&table=`: one published table as CSV (UTF-8 with BOM, for
    /// spreadsheet programs), or with `sig=1` its detached signature over exactly those bytes.
    /// Served only from a publication whose signature verifies; analysts only.
    @Sendable func csvDownload(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await base.memberPage(request, context) { session, language in
            guard session.role == .analyst, let publisher = statistics.publisher else { throw AccessError.notFound }
            let parameters = request.uri.queryParameters
            guard let period = parameters.get("period").map({ String($0) }), let name = parameters.get("table").map({ String($0) }),
                let publication = try await statistics.published.publications().first(where: { $0.period == period }),
                let file = statistics.verified(publication, logger: context.logger),
                let table = file.tables.first(where: { $0.name == name })
            else {
                return base.notice(language, "statistics_not_published", status: .notFound, link: Self.back)
            }
            let bytes = table.spreadsheetCSV()
            // Period and table name are checked values (a published period, a policy table name), safe in a file name.
            let fileName = "sichtbar-\(period)-\(name).csv"
            if parameters.get("sig") == "1" {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                let signature = try encoder.encode(publisher.signature(of: bytes))
                return Response(
                    status: .ok,
                    headers: [
                        .contentType: "application/json; charset=utf-8", .cacheControl: "no-store",
                        .contentDisposition: "attachment; filename=\"\(fileName).sig\"",
                    ],
                    body: .init(byteBuffer: ByteBuffer(bytes: Array(signature) + [0x0A])))
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .cacheControl: "no-store",
                    .contentDisposition: "attachment; filename=\"\(fileName)\"",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }
}
