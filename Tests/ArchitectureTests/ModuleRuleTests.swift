import Foundation
import Testing

/// The layering of docs/architecture.md, checked against the code: the folders under Sources/,
/// every file's imports, and what Package.swift declares.
@Suite struct ModuleRuleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The platform's own modules, importable anywhere.
    static let platform: Set<String> = ["Foundation", "FoundationNetworking", "Dispatch", "Synchronization", "Glibc", "Darwin"]

    @Test func everyFolderUnderSourcesIsAModuleOfTheTable() throws {
        let table = try ModuleTable.load(from: Self.root.appendingPathComponent("docs/architecture.md"))
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Sources").path)
            .filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(table.rows.keys), "Sources/ and the table in docs/architecture.md name the same modules")
        #expect(table.rows.count >= 14)
    }

    @Test func noModuleImportsOneItsRowDoesNotList() throws {
        let table = try ModuleTable.load(from: Self.root.appendingPathComponent("docs/architecture.md"))
        var broken: [String] = []
        for (module, row) in table.rows.sorted(by: { $0.key < $1.key }) {
            for (file, imports) in try SourceImports.of(module: module, under: Self.root) {
                for name in imports where !row.imports.contains(name) && !Self.platform.contains(name) {
                    broken.append("\(file) imports \(name)")
                }
            }
        }
        #expect(broken.isEmpty, "imports the table does not allow:\n\(broken.joined(separator: "\n"))")
    }

    @Test func importsFollowTheLayersDownward() throws {
        let table = try ModuleTable.load(from: Self.root.appendingPathComponent("docs/architecture.md"))
        for (module, row) in table.rows {
            for name in row.imports {
                guard let other = table.rows[name] else { continue }
                #expect(
                    other.layer < row.layer, "\(module) (layer \(row.layer)) may import \(name) (layer \(other.layer)): arrows point down")
            }
        }
        // The two rules the table exists for.
        for module in ["Web", "Statistics"] {
            let allowed = table.rows[module]?.imports ?? []
            #expect(allowed.isDisjoint(with: ["CaseStore", "GRDB", "GRDBSQLite"]), "\(module) imports no store module")
        }
        for module in ["SichtbarCore", "Workflow", "Members", "Intake", "Casework"] {
            let allowed = table.rows[module]?.imports ?? []
            #expect(
                allowed.isDisjoint(with: ["Hummingbird", "HummingbirdCore", "NIOCore", "HTTPTypes", "GRDB", "CaseStore", "Web"]),
                "\(module) knows neither HTTP nor SQL")
        }
    }

    @Test func packageDeclaresWhatEachTargetImports() throws {
        let manifest = try PackageManifest.load(from: Self.root.appendingPathComponent("Package.swift"))
        let table = try ModuleTable.load(from: Self.root.appendingPathComponent("docs/architecture.md"))
        var undeclared: [String] = []
        for module in table.rows.keys.sorted() {
            let declared = manifest.dependencies[module] ?? []
            for (file, imports) in try SourceImports.of(module: module, under: Self.root) {
                for name in imports where !declared.contains(name) && !Self.platform.contains(name) {
                    undeclared.append("\(file) imports \(name), which Package.swift does not give \(module)")
                }
            }
        }
        #expect(undeclared.isEmpty, "\(undeclared.joined(separator: "\n"))")
    }

    /// The checks themselves catch a breach: a file of Web that imported CaseStore would be named.
    @Test func aForbiddenImportIsCaught() throws {
        let imports = SourceImports.parse(
            "import Foundation\n@testable import CaseStore\n#if canImport(Glibc)\nimport Glibc\n#endif\n// import GRDB\n")
        #expect(imports == ["Foundation", "CaseStore", "Glibc"])
        let table = try ModuleTable.load(from: Self.root.appendingPathComponent("docs/architecture.md"))
        let web = try #require(table.rows["Web"])
        #expect(!web.imports.contains("CaseStore") && web.imports.contains("Casework"))
    }
}
