/// Renders a report as a plugin × check table for people, followed by every failure.
public enum ReportTable {
    /// The table, the failures with their case and check, and a one-line summary.
    public static func render(_ report: ConformanceReport) -> String {
        let checks = ConformanceCheck.allCases
        let header = ["format", "kind"] + checks.map(\.rawValue)
        let rows = report.plugins.map { plugin in
            [plugin.formatID, plugin.kind.rawValue] + checks.map { cell(plugin.verdict(of: $0)) }
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            zip(cells, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line)
        let failures = report.plugins.flatMap { plugin in plugin.failures.map { (plugin.formatID, $0) } }
        if !failures.isEmpty {
            lines.append("")
            lines.append("Failures:")
            for (formatID, item) in failures {
                lines.append("✗ \(formatID) · \(item.check.rawValue) · \(item.subject)")
                lines.append(contentsOf: item.message.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" })
            }
        }
        lines.append("")
        lines.append(summary(report))
        return lines.joined(separator: "\n") + "\n"
    }

    /// `3 plugins: 2 passed, 1 failed (4 of 120 items failed)`.
    public static func summary(_ report: ConformanceReport) -> String {
        let failedPlugins = report.plugins.filter { !$0.passed }.count
        let items = report.plugins.flatMap(\.items)
        let failedItems = items.filter { $0.verdict == .failed }.count
        let noun = report.plugins.count == 1 ? "plugin" : "plugins"
        var text = "\(report.plugins.count) \(noun): \(report.plugins.count - failedPlugins) passed, \(failedPlugins) failed"
        text += " (\(failedItems) of \(items.count) items failed, \(items.filter { $0.verdict == .skipped }.count) skipped)"
        return text
    }

    private static func cell(_ verdict: Verdict?) -> String {
        switch verdict {
        case .passed?: "pass"
        case .failed?: "FAIL"
        case .skipped?: "skip"
        case nil: "-"
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
