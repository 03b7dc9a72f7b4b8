/// A way of writing calendar dates other than ISO 8601 (`DD.MM.YYYY`, `DD/MM/YYYY`,
/// `MM/DD/YYYY`, …), as lab reports print them; dates read through one become ISO dates.
public struct DateLayout: Sendable, Hashable, CustomStringConvertible {
    /// The order of the day, month and year fields.
    public enum Order: Sendable, Hashable {
        case dayMonthYear, monthDayYear, yearMonthDay
    }

    public let order: Order
    /// The character between the fields (`.`, `/`, `-`).
    public let separator: Character

    /// The layouts a descriptor may name, by the name it uses.
    public static let named: [String: DateLayout] = {
        var layouts: [String: DateLayout] = [:]
        for separator: Character in [".", "/", "-"] {
            layouts["DD\(separator)MM\(separator)YYYY"] = DateLayout(order: .dayMonthYear, separator: separator)
            layouts["MM\(separator)DD\(separator)YYYY"] = DateLayout(order: .monthDayYear, separator: separator)
        }
        layouts["YYYY/MM/DD"] = DateLayout(order: .yearMonthDay, separator: "/")
        layouts["YYYY.MM.DD"] = DateLayout(order: .yearMonthDay, separator: ".")
        return layouts
    }()

    /// What a table reads when its layout names none: `DD.MM.YYYY`, day-first wherever it is written.
    public static let defaults = [DateLayout(order: .dayMonthYear, separator: ".")]

    public var description: String {
        let fields = switch order {
        case .dayMonthYear: ["DD", "MM", "YYYY"]
        case .monthDayYear: ["MM", "DD", "YYYY"]
        case .yearMonthDay: ["YYYY", "MM", "DD"]
        }
        return fields.joined(separator: String(separator))
    }

    /// The ISO date (`2024-03-01`) that `text` writes in this layout, or `nil` when it is not such a
    /// date (wrong shape, or no such day). Day and month may have one digit (`1.3.2024`).
    public func isoDate(_ text: String) -> String? {
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return nil }
        let (day, month, year) = switch order {
        case .dayMonthYear: (parts[0], parts[1], parts[2])
        case .monthDayYear: (parts[1], parts[0], parts[2])
        case .yearMonthDay: (parts[2], parts[1], parts[0])
        }
        guard year.count == 4, day.count <= 2, month.count <= 2,
              let y = Int(year), let m = Int(month), let d = Int(day),
              (1...12).contains(m), d >= 1, d <= Self.days(inMonth: m, year: y) else { return nil }
        return "\(year)-\(m < 10 ? "0" : "")\(m)-\(d < 10 ? "0" : "")\(d)"
    }

    private static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
