import Foundation

/// The swift code block of an article, and the marked example of a test, compared line by line
/// without their indentation.
public enum DocumentationExample {
    public static func codeBlock(in article: String) -> [String]? {
        guard let start = article.range(of: "```swift\n"), let end = article.range(of: "\n```", range: start.upperBound..<article.endIndex)
        else { return nil }
        return lines(article[start.upperBound..<end.lowerBound])
    }

    public static func markedCode(in source: String) -> [String]? {
        guard let start = source.range(of: "// BEGIN EXAMPLE\n"), let end = source.range(of: "// END EXAMPLE")
        else { return nil }
        return lines(source[start.upperBound..<end.lowerBound])
    }

    private static func lines(_ text: Substring) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
