/// Renders a report as JUnit XML, the test report format CI systems read.
///
/// One `<testsuite>` per plugin, one `<testcase>` per item: `classname` is
/// `<format-id>.<check>` and `name` the subject, so CI lists failures by plugin, check and case.
public enum JUnitReport {
    public static func render(_ report: ConformanceReport) -> String {
        let items = report.plugins.flatMap(\.items)
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"mhub conformance\" tests=\"\(items.count)\" failures=\"\(count(items, .failed))\" skipped=\"\(count(items, .skipped))\">\n"
        for plugin in report.plugins {
            xml += "  <testsuite name=\"\(escape(plugin.formatID))\" tests=\"\(plugin.items.count)\" failures=\"\(count(plugin.items, .failed))\" skipped=\"\(count(plugin.items, .skipped))\">\n"
            for item in plugin.items {
                let opening = "    <testcase classname=\"\(escape(plugin.formatID + "." + item.check.rawValue))\" name=\"\(escape(item.subject))\""
                switch item.verdict {
                case .passed:
                    xml += opening + "/>\n"
                case .skipped:
                    xml += opening + ">\n      <skipped message=\"\(escape(item.message))\"/>\n    </testcase>\n"
                case .failed:
                    let firstLine = item.message.split(separator: "\n").first.map(String.init) ?? ""
                    xml += opening + ">\n      <failure message=\"\(escape(firstLine))\">\(escape(item.message))</failure>\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    private static func count(_ items: [CheckItem], _ verdict: Verdict) -> Int {
        items.filter { $0.verdict == verdict }.count
    }

    /// Escapes text for an attribute or element, dropping characters XML 1.0 does not allow.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\n": escaped += "&#10;"
            case "\t", "\r": escaped += "&#\(scalar.value);"
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped
    }
}
