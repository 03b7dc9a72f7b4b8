/// A scatter of the first two principal coordinates, one point per sample, coloured by source group.
enum OrdinationChart {
    static func svg(_ ordination: PrincipalCoordinates, groupOfSample: [Int], groupLabels: [String]) -> String {
        guard ordination.coordinates.count >= 2 else { return "<p class=\"muted\">An ordination needs at least three samples with distinct profiles.</p>" }
        let xs = ordination.coordinates[0], ys = ordination.coordinates[1]
        let size = 420.0, margin = 40.0
        let (xLow, xSpan) = paddedRange(xs), (yLow, ySpan) = paddedRange(ys)
        let radius = xs.count > 500 ? 2.0 : 4.0
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"PCoA of Bray–Curtis distances\" viewBox=\"0 0 \(Int(size + 2 * margin)) \(Int(size + 2 * margin))\" width=\"\(Int(size + 2 * margin))\" height=\"\(Int(size + 2 * margin))\">"
        svg += "<rect x=\"\(Int(margin))\" y=\"\(Int(margin))\" width=\"\(Int(size))\" height=\"\(Int(size))\" class=\"frame\"/>"
        for (index, id) in ordination.ids.enumerated() {
            let x = margin + (xs[index] - xLow) / xSpan * size
            let y = margin + size - (ys[index] - yLow) / ySpan * size
            let group = groupOfSample[index]
            svg += "<circle cx=\"\(HTMLText.coordinate(x))\" cy=\"\(HTMLText.coordinate(y))\" r=\"\(Int(radius))\" fill=\"\(ReportPalette.color(group))\" fill-opacity=\"0.75\"><title>\(HTMLText.escape(id)) (\(HTMLText.escape(groupLabels[group])))</title></circle>"
        }
        let first = HTMLText.percent(ordination.proportionExplained[0]), second = HTMLText.percent(ordination.proportionExplained[1])
        svg += "<text x=\"\(Int(margin + size / 2))\" y=\"\(Int(size + 2 * margin - 10))\" text-anchor=\"middle\" class=\"axis\">PC1 (\(first) of variation)</text>"
        svg += "<text x=\"14\" y=\"\(Int(margin + size / 2))\" text-anchor=\"middle\" class=\"axis\" transform=\"rotate(-90 14 \(Int(margin + size / 2)))\">PC2 (\(second))</text></svg>"
        return svg
    }

    /// The lower end and width of a range 5 % wider than the values on each side.
    private static func paddedRange(_ values: [Double]) -> (low: Double, span: Double) {
        let low = values.min() ?? 0, high = values.max() ?? 1
        let span = high > low ? high - low : 1
        return (low - 0.05 * span, 1.1 * span)
    }
}
