/// Stacked composition bars at one rank: one bar per sample for small cohorts, else one bar per
/// source group and one for the whole cohort (means of the samples' shares).
enum CompositionChart {
    /// Above this many samples the chart shows group means instead of samples.
    static let perSampleLimit = 60

    static func svg(_ summary: CompositionSummary, groups: [(label: String, samples: [Int])]) -> String {
        let bars: [(label: String, shares: [Double])]
        if summary.sampleIDs.count <= perSampleLimit {
            bars = summary.sampleIDs.indices.map { (summary.sampleIDs[$0], summary.shares[$0]) }
        } else {
            let everyone = (label: "All \(summary.sampleIDs.count) samples (mean)", samples: Array(summary.sampleIDs.indices))
            let listed = groups.count > 1 ? [everyone] + groups.map { (label: "\($0.label) (mean of \($0.samples.count))", samples: $0.samples) } : [everyone]
            bars = listed.map { group in
                var mean = [Double](repeating: 0, count: summary.taxa.count + 2)
                for sample in group.samples {
                    for k in mean.indices { mean[k] += summary.shares[sample][k] / Double(max(group.samples.count, 1)) }
                }
                return (group.label, mean)
            }
        }
        let labelWidth = 190.0, barWidth = 560.0, barHeight = 14.0, gap = 4.0
        let height = Double(bars.count) * (barHeight + gap) + 24
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"Composition at \(summary.rank.rawValue)\" viewBox=\"0 0 \(Int(labelWidth + barWidth + 10)) \(Int(height))\" width=\"\(Int(labelWidth + barWidth + 10))\" height=\"\(Int(height))\">"
        let names = summary.taxa + ["other", "unclassified at \(summary.rank.rawValue)"]
        for (row, bar) in bars.enumerated() {
            let y = Double(row) * (barHeight + gap) + 4
            svg += "<text x=\"\(HTMLText.coordinate(labelWidth - 6))\" y=\"\(HTMLText.coordinate(y + barHeight - 3))\" text-anchor=\"end\" class=\"label\">\(HTMLText.escape(truncate(bar.label, 30)))</text>"
            var x = labelWidth
            for (k, share) in bar.shares.enumerated() where share > 0 {
                let width = share * barWidth
                let fill = k < summary.taxa.count ? ReportPalette.color(k) : (k == summary.taxa.count ? ReportPalette.other : ReportPalette.unclassified)
                svg += "<rect x=\"\(HTMLText.coordinate(x))\" y=\"\(HTMLText.coordinate(y))\" width=\"\(HTMLText.coordinate(width))\" height=\"\(Int(barHeight))\" fill=\"\(fill)\"><title>\(HTMLText.escape(bar.label)): \(HTMLText.escape(names[k])) \(HTMLText.percent(share))</title></rect>"
                x += width
            }
        }
        svg += "<text x=\"\(Int(labelWidth))\" y=\"\(Int(height - 4))\" class=\"axis\">0 %</text><text x=\"\(Int(labelWidth + barWidth))\" y=\"\(Int(height - 4))\" text-anchor=\"end\" class=\"axis\">100 %</text></svg>"
        return svg
    }

    /// The legend as HTML: a swatch, the name and the cohort mean share.
    static func legend(_ summary: CompositionSummary) -> String {
        var html = "<ul class=\"legend\">"
        for (k, name) in summary.taxa.enumerated() {
            html += "<li><span class=\"swatch\" style=\"background:\(ReportPalette.color(k))\"></span>\(HTMLText.escape(name)) <span class=\"muted\">\(HTMLText.percent(summary.meanShares[k]))</span></li>"
        }
        html += "<li><span class=\"swatch\" style=\"background:\(ReportPalette.other)\"></span>other taxa</li>"
        html += "<li><span class=\"swatch\" style=\"background:\(ReportPalette.unclassified)\"></span>not named at \(summary.rank.rawValue) <span class=\"muted\">\(HTMLText.percent(summary.meanUnclassified))</span></li></ul>"
        return html
    }

    static func truncate(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
