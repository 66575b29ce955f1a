import Testing

@testable import Strata

/// `YYYY-MM-DD` dates: what is accepted, and day arithmetic for stale reviews.
@Suite struct DayTests {
    @Test func validDates() throws {
        let day = try #require(Day("2024-02-29"))
        #expect((day.year, day.month, day.day) == (2024, 2, 29))
        #expect(Day("2000-02-29") != nil)
        #expect(Day("1999-12-31")?.description == "1999-12-31")
        #expect(Day("0999-01-01")?.description == "0999-01-01")
    }

    @Test(arguments: [
        "2023-02-29", "1900-02-29", "2024-02-30", "2024-04-31", "2024-13-01", "2024-00-10", "2024-01-00",
        "24-01-01", "2024-1-01", "2024-01-1", "2024/01/01", "2024-01-01T00:00", "", "2024", "May 2024",
        "2024-+1-01", "+024-01-01", "2024-01-+1", " 2024-01-01",
    ])
    func invalidDates(_ text: String) {
        #expect(Day(text) == nil, "'\(text)' is not a YYYY-MM-DD date")
    }

    @Test func daysSinceEpoch() throws {
        #expect(try #require(Day("1970-01-01")).daysSinceEpoch == 0)
        #expect(try #require(Day("2024-01-01")).daysSinceEpoch == 19_723)
        #expect(try #require(Day("1969-12-31")).daysSinceEpoch == -1)
        #expect(Day(daysSinceEpoch: 19_723).description == "2024-01-01")
        #expect(Day(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(Day(daysSinceEpoch: 20_782).description == "2026-11-25")
    }

    @Test func roundTrip() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let day = Day(daysSinceEpoch: days)
            #expect(day.daysSinceEpoch == days)
            #expect(Day(day.description) == day || day.year > 9999 || day.year < 0)
        }
    }

    @Test func ordering() throws {
        let dates = ["2024-03-01", "2023-12-31", "2024-02-29", "2024-03-10"].compactMap(Day.init)
        #expect(dates.sorted().map(\.description) == ["2023-12-31", "2024-02-29", "2024-03-01", "2024-03-10"])
    }

    @Test func buildOptionsToday() {
        #expect(BuildOptions(root: "/x", today: "2026-11-25").day.description == "2026-11-25")
    }
}
