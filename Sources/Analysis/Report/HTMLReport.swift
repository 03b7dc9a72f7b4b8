import Foundation
import ProfileModel

/// The self-contained HTML report: composition, alpha diversity, a PCoA of Bray–Curtis, the
/// gut-skin axis panel with its citations and caveats, and provenance. Inline CSS and SVG only,
/// no script and no external resource, so it opens offline and loads nothing.
public struct HTMLReport {
    private let imported: ProfileTable
    private let prepared: AnalysisTable
    private let composition: CompositionSummary
    private let alpha: AlphaDiversity
    private let alphaMetrics: [any AlphaMetric]
    private let ordination: PrincipalCoordinates?
    private let panelRows: [GutSkinPanel.Row]
    private let groups: [(label: String, ids: [String])]

    /// Computes everything the report shows. `compositionRank` defaults to genus when present,
    /// else the deepest rank present.
    public init(imported: ProfileTable, prepared: AnalysisTable, compositionRank: Rank?, top: Int,
                shannonBase: LogBase) throws(AnalysisError) {
        let present = prepared.leaves.ranksPresent().filter { $0 != .unranked }
        let rank = compositionRank ?? (present.contains(.genus) ? .genus : present.last ?? .genus)
        let atRank = try AnalysisTable(imported, rank: rank)
        self.imported = imported
        self.prepared = prepared
        composition = CompositionSummary(atRank.table, rank: rank, top: top)
        var metrics: [any AlphaMetric] = [ObservedFeatures(), Shannon(base: shannonBase), Simpson()]
        if case .counts = prepared.table.unit, !prepared.table.abundances.values.contains(where: { $0 != $0.rounded() }) {
            metrics.append(Chao1())
        }
        alphaMetrics = metrics
        alpha = try AlphaDiversity(prepared.table, metrics: metrics)
        let table = prepared.table
        let nonEmpty = table.samples.indices.filter { !table.abundances.range(ofSample: $0).isEmpty }
        ordination = nonEmpty.count >= 3 && nonEmpty.count == table.samples.count
            ? try PrincipalCoordinates(BetaMetric.braycurtis.distances(table), axes: 2)
            : nil
        panelRows = try GutSkinPanel().rows(for: prepared.leaves)
        groups = prepared.comparability.groups.map { (ComparabilityNotes.describe($0.facts), $0.sampleIDs) }
    }

    /// The page.
    public func render() -> String {
        var html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        html += "<title>Microbiome profile report</title><style>\(Self.style)</style></head><body><main>"
        html += header()
        html += section("composition", "Composition at \(composition.rank.rawValue) level", compositionBody())
        html += section("alpha", "Diversity within each sample", alphaBody())
        html += section("pcoa", "Similarity between samples", ordinationBody())
        html += section("gut-skin", "Gut–skin axis: published associations (context, not a diagnosis)", panelBody())
        html += section("provenance", "Where the data came from and what was done", provenanceBody())
        html += "<footer>Written by mhub. Metric values follow scikit-bio's definitions; formulas and citations are listed with each section.</footer>"
        html += "</main></body></html>\n"
        return html
    }

    /// The source groups with their samples as positions in `ids` (charts may show a subset,
    /// such as the samples a rarefaction kept).
    private func groups(indexedIn ids: [String]) -> [(label: String, samples: [Int])] {
        let position = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        return groups.map { ($0.label, $0.ids.compactMap { position[$0] }) }
    }

    private func section(_ id: String, _ title: String, _ body: String) -> String {
        "<section id=\"\(id)\"><h2>\(HTMLText.escape(title))</h2>\(body)</section>"
    }

    private func header() -> String {
        let file = imported.provenance.source[.sourceFile] ?? "input"
        let format = imported.provenance.source[.sourceFormat] ?? "unknown format"
        let rank = prepared.comparability.analysedRank.map { "at \($0.rawValue) level" } ?? "on the features as imported"
        var html = "<header><h1>Microbiome profile report</h1><p class=\"lead\">\(HTMLText.escape(file)) (\(HTMLText.escape(format))): "
        html += "\(imported.samples.count) sample(s), \(prepared.table.taxa.count) taxa \(rank), values in \(HTMLText.escape(imported.unit.description)).</p>"
        html += "<p class=\"notice\">This report describes the measured profiles. It is not a diagnosis: the gut–skin panel lists associations reported in research cohorts, and no value here is a health score.</p>"
        if !prepared.comparability.notes.isEmpty {
            html += "<div class=\"notes\"><strong>Comparability:</strong><ul>" + prepared.comparability.notes.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></div>"
        }
        return html + "</header>"
    }

    private func compositionBody() -> String {
        var html = "<p>Share of each sample's total assigned to the \(composition.taxa.count) most abundant taxa at \(composition.rank.rawValue) level (by mean share across samples). "
        if composition.sampleIDs.count > CompositionChart.perSampleLimit {
            html += "With \(composition.sampleIDs.count) samples the bars show means per source group instead of single samples. "
        }
        html += "Grey is all other named taxa; the palest part is what the source did not name at this rank.</p>"
        return html + "<div class=\"chart\">\(CompositionChart.svg(composition, groups: groups(indexedIn: composition.sampleIDs)))</div>\(CompositionChart.legend(composition))"
    }

    private func alphaBody() -> String {
        guard let shannonColumn = alphaMetrics.firstIndex(where: { $0.id == "shannon" }) else { return "" }
        let shannon = alphaMetrics[shannonColumn]
        var html = "<p>\(HTMLText.escape(shannon.name)): higher values mean more taxa, more evenly spread. Formula: \(HTMLText.escape(shannon.formula)) (\(HTMLText.escape(shannon.citation))).</p>"
        html += "<div class=\"chart\">\(AlphaChart.svg(values: alpha.column(shannonColumn), ids: alpha.sampleIDs, metricName: shannon.name))</div>"
        html += "<table class=\"data\"><thead><tr><th>Metric</th><th>scikit-bio id</th><th>Formula</th><th>Median</th><th>Range</th><th>Source</th></tr></thead><tbody>"
        for (column, metric) in alphaMetrics.enumerated() {
            let values = alpha.column(column).filter { !$0.isNaN }.sorted()
            let median = values.isEmpty ? Double.nan : (values[(values.count - 1) / 2] + values[values.count / 2]) / 2
            let range = values.isEmpty ? "–" : "\(HTMLText.fixed(values[0], 3)) – \(HTMLText.fixed(values[values.count - 1], 3))"
            html += "<tr><td>\(HTMLText.escape(metric.name))</td><td><code>\(metric.id)</code></td><td>\(HTMLText.escape(metric.formula))</td><td>\(HTMLText.fixed(median, 3))</td><td>\(range)</td><td>\(HTMLText.escape(metric.citation))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func ordinationBody() -> String {
        guard let ordination else {
            return "<p class=\"muted\">No ordination: it needs at least three samples, none of them empty.</p>"
        }
        var html = "<p>Principal coordinate analysis of \(BetaMetric.braycurtis.name) (\(HTMLText.escape(BetaMetric.braycurtis.formula)); \(HTMLText.escape(BetaMetric.braycurtis.citation))). Samples close together have similar compositions; colours mark the source groups.</p>"
        let groupOfSample = groups(indexedIn: ordination.ids).enumerated().reduce(into: [Int](repeating: 0, count: ordination.ids.count)) { result, group in
            for sample in group.element.samples { result[sample] = group.offset }
        }
        html += "<div class=\"chart\">\(OrdinationChart.svg(ordination, groupOfSample: groupOfSample, groupLabels: groups.map(\.label)))</div>"
        if groups.count > 1 {
            html += "<ul class=\"legend\">" + groups.enumerated().map { "<li><span class=\"swatch\" style=\"background:\(ReportPalette.color($0.offset))\"></span>\(HTMLText.escape($0.element.label)) (\($0.element.ids.count))</li>" }.joined() + "</ul>"
        }
        return html
    }

    private func panelBody() -> String {
        var html = "<div class=\"caveats\"><strong>Read this first.</strong><ul>" + GutSkinPanel.caveats.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul></div>"
        html += "<p>Each row is one published finding: the direction in which patients' faecal samples differed from controls, how well it is supported, and how much of the taxon these samples contain. No row, and no combination of rows, says anything about a person's skin.</p>"
        let n = prepared.leaves.samples.count
        let perSample = n <= 6
        html += "<table class=\"data panel\"><thead><tr><th>Condition</th><th>Taxon</th><th>Reported in patients</th><th>Evidence</th><th>Cohort</th><th>In these samples</th>"
        if perSample { html += prepared.leaves.samples.map { "<th>\(HTMLText.escape(CompositionChart.truncate($0.id, 16)))</th>" }.joined() }
        html += "<th>Source</th></tr></thead><tbody>"
        for row in panelRows {
            let association = row.association
            let found: String
            if !row.measurable {
                found = "<span class=\"muted\">not measurable: the data name no taxa at \(association.rank.rawValue) level</span>"
            } else {
                let sorted = row.shares.sorted()
                let median = sorted.isEmpty ? 0 : (sorted[(sorted.count - 1) / 2] + sorted[sorted.count / 2]) / 2
                found = "found in \(row.samplesWithTaxon) of \(n); median share \(HTMLText.percent(median))"
            }
            let note = association.note.isEmpty ? "" : "<br><span class=\"muted\">\(HTMLText.escape(association.note))</span>"
            html += "<tr><td>\(HTMLText.escape(association.condition))</td><td><em>\(HTMLText.escape(association.taxon))</em> <span class=\"muted\">(\(association.rank.rawValue))</span>\(note)</td>"
            html += "<td>\(HTMLText.escape(association.direction))</td><td class=\"evidence \(association.evidence.replacingOccurrences(of: " ", with: "-"))\">\(HTMLText.escape(association.evidence))</td>"
            html += "<td>\(HTMLText.escape(association.cohort))</td><td>\(found)</td>"
            if perSample {
                html += row.shares.map { "<td>\(HTMLText.percent($0))</td>" }.joined()
                if !row.measurable { html += String(repeating: "<td>–</td>", count: n) }
            }
            html += "<td class=\"source\">\(HTMLText.escape(association.source))</td></tr>"
        }
        return html + "</tbody></table>"
    }

    private func provenanceBody() -> String {
        var html = "<h3>Sources</h3><table class=\"data\"><thead><tr><th>Source group</th><th>Samples</th><th>Deepest rank named</th></tr></thead><tbody>"
        for group in prepared.comparability.groups {
            html += "<tr><td>\(HTMLText.escape(ComparabilityNotes.describe(group.facts)))</td><td>\(group.sampleCount)</td><td>\(group.deepestRank?.rawValue ?? "–")</td></tr>"
        }
        html += "</tbody></table><h3>Source facts</h3><table class=\"data\"><tbody>"
        for (key, value) in imported.provenance.source {
            html += "<tr><th>\(HTMLText.escape(key.rawValue))</th><td>\(HTMLText.escape(value))</td></tr>"
        }
        html += "</tbody></table><h3>Steps applied</h3><ol>"
        for step in prepared.table.provenance.steps {
            let parameters = step.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            html += "<li><code>\(HTMLText.escape(step.action.rawValue))</code>\(step.format.map { " (\(HTMLText.escape($0)))" } ?? "")\(parameters.isEmpty ? "" : ": \(HTMLText.escape(parameters))")</li>"
        }
        html += "</ol>"
        var codes: [String: Int] = [:]
        for diagnostic in imported.diagnostics { codes[diagnostic.code, default: 0] += 1 }
        if !codes.isEmpty {
            html += "<h3>Import findings</h3><ul>" + codes.sorted { $0.key < $1.key }.map { "<li><code>\(HTMLText.escape($0.key))</code>: \($0.value)</li>" }.joined() + "</ul>"
        }
        return html
    }

    private static let style = """
        body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff;margin:0}
        main{max-width:1100px;margin:0 auto;padding:24px}
        h1{font-size:26px;margin:0 0 6px}h2{font-size:20px;border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:36px}h3{font-size:16px}
        .lead{font-size:16px}.muted{color:#666}.notice{background:#eef6fb;border-left:4px solid #0072B2;padding:8px 12px}
        .notes{background:#fff8e6;border-left:4px solid #E69F00;padding:8px 12px}.caveats{background:#fdf0ec;border-left:4px solid #D55E00;padding:8px 12px}
        .chart{overflow-x:auto}svg text{font:11px system-ui,sans-serif;fill:#333}svg .axis{fill:#555}svg .grid{stroke:#e5e5e5}svg .frame{fill:none;stroke:#ccc}
        .legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px;font-size:13px}.swatch{display:inline-block;width:12px;height:12px;margin-right:5px;vertical-align:-1px;border:1px solid #999}
        table.data{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}table.data th,table.data td{border-bottom:1px solid #e3e3e3;padding:4px 6px;text-align:left;vertical-align:top}
        table.data thead th{background:#f4f4f4}.source{font-size:12px;color:#444}.evidence.replicated{color:#006d4f;font-weight:600}.evidence.conflicting{color:#a33}
        footer{margin-top:40px;color:#666;font-size:12px}code{font-size:12px}
        """
}
