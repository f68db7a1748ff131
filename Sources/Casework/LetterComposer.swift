/// Turns a letter template and the case's values into HTML. The web layer implements it with
/// Mustache over `Templates/letters/`, so Casework decides what goes into a letter, and who may
/// make one, without depending on a template engine.
public protocol LetterComposer: Sendable {
    /// The template names it knows (file names without extension), sorted.
    var templates: [String] { get }
    /// The letter as an HTML fragment, every value escaped; nil for an unknown template.
    func compose(_ template: String, values: LetterValues) -> String?
}
