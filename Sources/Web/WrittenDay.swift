import Casework
import Foundation
import SichtbarCore

/// Calendar days written out in the page's language ("5. Dezember 2026", "5 Aralık 2026"),
/// always in the Gregorian calendar (a Farsi page too); the `<time datetime>` keeps the ISO day.
/// One per page: the formatter is made once and used for every day on it.
struct WrittenDay {
    /// The ICU locale of each page language; Leichte Sprache writes dates as German does.
    static let locales: [String: String] = [
        "de": "de_DE", "de-x-ls": "de_DE", "en": "en_GB", "tr": "tr_TR", "ar": "ar", "fa": "fa_IR",
        "uk": "uk_UA", "ru": "ru_RU", "pl": "pl_PL", "ro": "ro_RO",
    ]

    private let calendar: Calendar
    private let formatter = DateFormatter()

    init(language: String) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone.current
        self.calendar = calendar
        formatter.locale = Locale(identifier: Self.locales[language] ?? "de_DE")
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.dateStyle = .long
        formatter.timeStyle = .none
    }

    func text(_ day: Day) -> String {
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) else {
            return day.iso
        }
        return formatter.string(from: date)
    }

    static func text(_ day: Day, language: String) -> String {
        WrittenDay(language: language).text(day)
    }
}
