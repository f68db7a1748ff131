import Foundation

/// A letter draft's HTML as the plain text a counsellor edits without JavaScript: one blank line
/// between paragraphs and list items, line breaks kept, tags gone, entities read. The visible
/// `[[ … ]]` placeholders stay as text, so saving refuses until each is replaced.
enum LetterText {
    static func plain(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "\r", with: "")
        // Comments (the template's notes) and the letterhead's markup carry no text of the letter.
        while let open = text.range(of: "<!--"), let close = text.range(of: "-->", range: open.upperBound..<text.endIndex) {
            text.removeSubrange(open.lowerBound..<close.upperBound)
        }
        text = text.replacingOccurrences(of: "\n", with: " ")
        for block in ["</p>", "</li>", "</h1>", "</h2>", "</dd>", "</header>", "</footer>"] {
            text = text.replacingOccurrences(of: block, with: "\n\n", options: .caseInsensitive)
        }
        text = text.replacingOccurrences(of: "<br>", with: "\n", options: .caseInsensitive)
            .replacingOccurrences(of: "<br/>", with: "\n", options: .caseInsensitive)
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        let lines = text.components(separatedBy: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        }
        var result: [String] = []
        for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
        return result.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
