/// Alpha diversity per sample: a dot per sample for small cohorts, else a histogram.
enum AlphaChart {
    static func svg(values: [Double], ids: [String], metricName: String) -> String {
        let finite = values.filter { !$0.isNaN }
        guard let low = finite.min(), let high = finite.max() else { return "<p class=\"muted\">No sample has a defined \(HTMLText.escape(metricName)).</p>" }
        let span = high > low ? high - low : 1
        return ids.count <= CompositionChart.perSampleLimit
            ? dots(values: values, ids: ids, low: low, span: span, name: metricName)
            : histogram(finite, low: low, span: span, name: metricName)
    }

    private static func dots(values: [Double], ids: [String], low: Double, span: Double, name: String) -> String {
        let labelWidth = 190.0, plotWidth = 460.0, rowHeight = 16.0
        let height = Double(ids.count) * rowHeight + 30
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(HTMLText.escape(name)) per sample\" viewBox=\"0 0 \(Int(labelWidth + plotWidth + 60)) \(Int(height))\" width=\"\(Int(labelWidth + plotWidth + 60))\" height=\"\(Int(height))\">"
        for (row, value) in values.enumerated() {
            let y = Double(row) * rowHeight + 12
            svg += "<text x=\"\(Int(labelWidth - 6))\" y=\"\(HTMLText.coordinate(y + 4))\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(CompositionChart.truncate(ids[row], 30)))</text>"
            svg += "<line x1=\"\(Int(labelWidth))\" x2=\"\(Int(labelWidth + plotWidth))\" y1=\"\(HTMLText.coordinate(y))\" y2=\"\(HTMLText.coordinate(y))\" class=\"grid\"/>"
            guard !value.isNaN else { continue }
            let x = labelWidth + (value - low) / span * plotWidth
            svg += "<circle cx=\"\(HTMLText.coordinate(x))\" cy=\"\(HTMLText.coordinate(y))\" r=\"4\" fill=\"#0072B2\"><title>\(HTMLText.escape(ids[row])): \(HTMLText.fixed(value, 3))</title></circle>"
            svg += "<text x=\"\(HTMLText.coordinate(labelWidth + plotWidth + 8))\" y=\"\(HTMLText.coordinate(y + 4))\" class=\"axis\">\(HTMLText.fixed(value, 2))</text>"
        }
        svg += axis(y: height - 8, left: labelWidth, width: plotWidth, low: low, span: span) + "</svg>"
        return svg
    }

    private static func histogram(_ values: [Double], low: Double, span: Double, name: String) -> String {
        let bins = 30, left = 40.0, plotWidth = 600.0, plotHeight = 160.0
        var counts = [Int](repeating: 0, count: bins)
        for value in values { counts[min(bins - 1, Int((value - low) / span * Double(bins)))] += 1 }
        let tallest = Double(counts.max() ?? 1)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Histogram of \(HTMLText.escape(name))\" viewBox=\"0 0 \(Int(left + plotWidth + 20)) \(Int(plotHeight + 40))\" width=\"\(Int(left + plotWidth + 20))\" height=\"\(Int(plotHeight + 40))\">"
        let width = plotWidth / Double(bins)
        for (bin, count) in counts.enumerated() where count > 0 {
            let height = Double(count) / tallest * plotHeight
            let from = low + span * Double(bin) / Double(bins), to = low + span * Double(bin + 1) / Double(bins)
            svg += "<rect x=\"\(HTMLText.coordinate(left + Double(bin) * width))\" y=\"\(HTMLText.coordinate(10 + plotHeight - height))\" width=\"\(HTMLText.coordinate(width - 1))\" height=\"\(HTMLText.coordinate(height))\" fill=\"#0072B2\"><title>\(count) samples with \(HTMLText.fixed(from, 2))–\(HTMLText.fixed(to, 2))</title></rect>"
        }
        svg += "<text x=\"4\" y=\"18\" class=\"axis\">\(Int(tallest))</text><text x=\"4\" y=\"\(Int(plotHeight + 10))\" class=\"axis\">0</text>"
        svg += axis(y: plotHeight + 30, left: left, width: plotWidth, low: low, span: span) + "</svg>"
        return svg
    }

    private static func axis(y: Double, left: Double, width: Double, low: Double, span: Double) -> String {
        "<text x=\"\(Int(left))\" y=\"\(Int(y))\" class=\"axis\">\(HTMLText.fixed(low, 2))</text><text x=\"\(Int(left + width))\" y=\"\(Int(y))\" text-anchor=\"end\" class=\"axis\">\(HTMLText.fixed(low + span, 2))</text>"
    }
}
