import Casework
import Foundation
import Sealing

/// A stored letter as a complete, printable HTML page: an A4 sheet on screen with the `[[ … ]]`
/// placeholders highlighted, the bare letter on paper. The sheet is `contenteditable`, so the
/// counsellor can fill in the placeholders and print without any script. The stylesheet is
/// inlined and allowed by its hash in the page's own Content-Security-Policy, which is otherwise
/// stricter than the site's (no images, no forms).
enum LetterPage {
    static func html(_ letter: StoredLetter, reference: String) -> String {
        """
        <!doctype html>
        <html lang="de">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(escape(reference)) – \(escape(letter.template))</title>
        <style>\(stylesheet)</style>
        </head>
        <body>
        <p class="screen-note">Entwurf zum Ausdrucken. Die gelb markierten Stellen in [[ … ]] vor dem Drucken ausfüllen oder löschen; \
        Sie können direkt im Blatt schreiben. Änderungen hier werden nicht gespeichert.</p>
        <main class="sheet" contenteditable="true" spellcheck="true">
        \(letter.html)
        </main>
        </body>
        </html>

        """
    }

    /// The page's policy: the inline stylesheet by its SHA-256, nothing else.
    static let contentSecurityPolicy = [
        "default-src 'none'", "style-src '\(styleHash)'", "img-src 'none'", "form-action 'none'",
        "frame-ancestors 'none'", "base-uri 'none'",
    ].joined(separator: "; ")

    static let styleHash = "sha256-" + Data(FileDigest.sha256(Array(stylesheet.utf8))).base64EncodedString()

    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static let stylesheet = """
        @page { size: A4; margin: 20mm 20mm 20mm 25mm; }
        html { background: #e9e7e1; }
        body { margin: 0; font: 11pt/1.45 "Liberation Serif", "Times New Roman", serif; color: #111; }
        .screen-note { max-width: 210mm; margin: 1rem auto; padding: .5rem .8rem; font: .95rem/1.4 system-ui, sans-serif; background: #fff8d6; border: 1px solid #c9a600; }
        .sheet { box-sizing: border-box; display: block; width: 210mm; min-height: 297mm; margin: 0 auto 2rem; padding: 20mm 20mm 20mm 25mm; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, .3); }
        .sheet:focus { outline: 3px solid #f0b400; }
        .letterhead { text-align: right; margin-bottom: 12mm; }
        .letterhead p, .letterhead dl { margin: 0; }
        .office-name { font-weight: 700; }
        .office-contact dt { display: inline; font-weight: 400; }
        .office-contact dt::after { content: ": "; }
        .office-contact dd { display: inline; margin: 0; }
        .office-contact dd::after { content: "\\A"; white-space: pre; }
        .recipient { min-height: 25mm; margin: 0 0 10mm; }
        .place-date { text-align: right; }
        .subject { font-size: 11pt; font-weight: 700; margin: 8mm 0 6mm; }
        h2 { font-size: 11pt; margin: 6mm 0 2mm; }
        dt { font-weight: 700; }
        .protocol-part { break-inside: avoid; }
        .protocol-part dd { min-height: 1.45em; margin: 0 0 3mm; border-bottom: 1px dotted #888; }
        .note { border-left: 3px solid #888; padding-left: 4mm; }
        .closing { margin-top: 8mm; break-inside: avoid; }
        .signature-line { margin-top: 12mm; }
        .placeholder { background: #fff1a8; outline: 1px dashed #9a7b00; color: #4d3d00; }
        @media print {
          html, body { background: #fff; }
          .screen-note { display: none; }
          .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
          .placeholder { background: none; outline: none; color: inherit; }
        }
        """
}
