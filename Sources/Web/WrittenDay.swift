import Casework
import Foundation

/// A calendar day written out in the page's language ("5. Dezember 2026", "5 Aralık 2026"),
/// always in the Gregorian calendar (a Farsi page too); the `<time datetime>` keeps the ISO day.
enum WrittenDay {
    /// The ICU locale of each page language; Leichte Sprache writes dates as German does.
    static let locales: [String: String] = [
        "de": "de_DE", "de-x-ls": "de_DE", "en": "en_GB", "tr": "tr_TR", "ar": "ar", "fa": "fa_IR",
        "uk": "uk_UA", "ru": "ru_RU", "pl": "pl_PL", "ro": "ro_RO",
    ]

    static func text(_ day: Day, language: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        let zone = TimeZone(identifier: "UTC") ?? TimeZone.current
        calendar.timeZone = zone
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) else { return day.iso }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locales[language] ?? "de_DE")
        formatter.calendar = calendar
        formatter.timeZone = zone
        formatter.dateStyle = .long
        formatter.timeStyle = .none
        return formatter.string(from: date)
    }
}
