import Foundation

/// The repository's own folders, found from this file's path, so tests read the policies and
/// templates that ship instead of copies.
public enum Repository {
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // SichtbarTesting
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the package
    public static let policies = root.appendingPathComponent("Policies")
    public static let templates = root.appendingPathComponent("Templates")
    public static let taxonomy = policies.appendingPathComponent("taxonomy.yaml")
    public static let workflow = policies.appendingPathComponent("workflow.yaml")
}
