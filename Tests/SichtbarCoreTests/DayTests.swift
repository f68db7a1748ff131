import Foundation
import SichtbarTesting
import Testing

@testable import SichtbarCore

@Suite("Day: calendar days in Europe/Berlin")
struct DayTests {
    @Test(arguments: ["2024-02-29", "2000-02-29", "2026-01-01", "2026-12-31", "2026-04-30", "1900-01-01", "9999-12-31"])
    func validDaysParseAndPrintBack(text: String) throws {
        let day = try #require(Day(iso: text))
        #expect(day.iso == text)
        #expect(day.description == text)
    }

    @Test func everyDayOfTwoYearsPrintsAsTheFormatterWould() throws {
        var count = 0
        for year in [1904, 2026] {
            for month in 1...12 {
                for dayOfMonth in 1...Day.daysIn(month: month, year: year) {
                    let day = try #require(Day(year: year, month: month, day: dayOfMonth))
                    #expect(day.iso == String(format: "%04d-%02d-%02d", year, month, dayOfMonth))
                    #expect(day.monthKey == String(format: "%04d-%02d", year, month))
                    count += 1
                }
            }
        }
        #expect(count == 366 + 365)
    }

    @Test func partsAreReadAsNumbers() throws {
        let day = try #require(Day(iso: "2024-02-29"))
        #expect(day.year == 2024)
        #expect(day.month == 2)
        #expect(day.day == 29)
        #expect(day.monthKey == "2024-02")
    }

    @Test(arguments: [
        "2026-02-29",  // 2026 is no leap year
        "1900-02-29",  // divisible by 100, not by 400
        "2026-13-01",  // no thirteenth month
        "2026-00-10",  // no month zero
        "2026-04-31",  // April has 30 days
        "2026-01-00",  // no day zero
        "2026-01-32",
        "26-01-01",  // two-digit year
        "2026-1-01",  // unpadded month
        "2026/01/01",  // wrong separator
        "2026-01-01T00:00:00Z",
        " 2026-01-01",
        "２０２６-01-01",  // full-width digits
        "+026-01-01",
        "",
    ])
    func invalidDaysAreRefused(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func daysAreOrderedByYearThenMonthThenDay() throws {
        let days = try ["2025-12-31", "2026-01-01", "2026-01-02", "2026-02-01", "2027-01-01"].map { try #require(Day(iso: $0)) }
        for (earlier, later) in zip(days, days.dropFirst()) {
            #expect(earlier < later)
            #expect(!(later < earlier))
        }
        let march = try #require(Day(iso: "2026-03-04"))
        #expect(march == Day(year: 2026, month: 3, day: 4))
        #expect(days.shuffled().sorted() == days)
    }

    @Test(arguments: [
        ("2026-07-01T22:30:00Z", "2026-07-02"),  // summer time: UTC+2
        ("2026-07-01T21:59:59Z", "2026-07-01"),
        ("2026-07-01T22:00:00Z", "2026-07-02"),
        ("2026-01-01T23:30:00Z", "2026-01-02"),  // winter time: UTC+1
        ("2026-01-01T22:30:00Z", "2026-01-01"),
        ("2026-12-31T23:00:00Z", "2027-01-01"),  // new year in Berlin before it is in UTC
    ])
    func anInstantFallsOnItsBerlinDay(instant: String, berlinDay: String) throws {
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        #expect(Day(date).iso == berlinDay)
    }

    @Test func theBerlinCalendarIsReallyBerlin() {
        #expect(Day.berlin.timeZone.identifier == "Europe/Berlin")
    }

    @Test func aDayRoundTripsThroughJSONAsItsISOText() throws {
        let day = try #require(Day(iso: "2026-07-02"))
        let json = try JSONEncoder().encode([day])
        #expect(String(decoding: json, as: UTF8.self) == #"["2026-07-02"]"#)
        #expect(try JSONDecoder().decode([Day].self, from: json) == [day])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([Day].self, from: Data(#"["2026-02-29"]"#.utf8))
        }
    }
}
