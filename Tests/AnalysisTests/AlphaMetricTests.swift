import Analysis
import Foundation
import ProfileModel
import Testing

/// Alpha metrics against values worked out by hand.
@Suite struct AlphaMetricTests {
    /// Counts 1, 1, 2, 3: N = 7, S = 4, two singletons, one doubleton.
    let counts: ArraySlice<Double> = [1, 1, 2, 3]

    @Test func handWorkedValues() {
        let shannon = log(7) - (2 * log(2.0) + 3 * log(3.0)) / 7
        #expect(ObservedFeatures().value(of: counts) == 4)
        #expect(nearlyEqual(Shannon().value(of: counts), shannon))
        #expect(nearlyEqual(Shannon(base: .two).value(of: counts), shannon / log(2.0)))
        #expect(nearlyEqual(Simpson().value(of: counts), 1 - 15.0 / 49))
        #expect(nearlyEqual(InverseSimpson().value(of: counts), 49.0 / 15))
        #expect(nearlyEqual(PielouEvenness().value(of: counts), shannon / log(4.0)))
        #expect(nearlyEqual(BergerParker().value(of: counts), 3.0 / 7))
        #expect(nearlyEqual(Chao1().value(of: counts), 4 + 2.0 * 1 / (2 * 2)))
        #expect(nearlyEqual(GoodsCoverage().value(of: counts), 1 - 2.0 / 7))
    }

    @Test func emptySampleFollowsScikitBio() {
        let empty: ArraySlice<Double> = []
        #expect(ObservedFeatures().value(of: empty) == 0)
        #expect(Chao1().value(of: empty) == 0)
        for metric in [Shannon(), Simpson(), InverseSimpson(), PielouEvenness(), BergerParker(), GoodsCoverage()] as [any AlphaMetric] {
            #expect(metric.value(of: empty).isNaN, "\(metric.id)")
        }
    }

    @Test func singleTaxon() {
        let one: ArraySlice<Double> = [12]
        #expect(Shannon().value(of: one) == 0)
        #expect(Simpson().value(of: one) == 0)
        #expect(InverseSimpson().value(of: one) == 1)
        #expect(PielouEvenness().value(of: one) == 1)
        #expect(BergerParker().value(of: one) == 1)
    }

    @Test func countsOnlyMetricsRefuseRelativeData() throws {
        let relative = try TestTables.make([[0.5, 0.25, 0.25]], unit: .relative)
        #expect(throws: AnalysisError.self) { try AlphaDiversity(relative, metrics: [Chao1()]) }
        #expect(throws: AnalysisError.self) { try AlphaDiversity(relative, metrics: [GoodsCoverage()]) }
        let fractional = try TestTables.make([[1.5, 2]], unit: .counts)
        #expect(throws: AnalysisError.self) { try AlphaDiversity(fractional, metrics: [Chao1()]) }
        let allowed = try AlphaDiversity(relative, metrics: AlphaCatalogue.compositional)
        #expect(allowed.metricIDs == ["observed_features", "shannon", "simpson", "inv_simpson", "pielou_e", "berger_parker_d"])
    }

    @Test func unknownMetricListsTheKnownOnes() {
        #expect(throws: AnalysisError.unknownMetric(kind: "alpha", id: "shanon", known: AlphaCatalogue.all.map(\.id))) {
            try AlphaCatalogue.metrics(ids: ["shanon"])
        }
    }

    @Test func everyMetricDocumentsItself() {
        for metric in AlphaCatalogue.all {
            #expect(!metric.formula.isEmpty && !metric.citation.isEmpty && !metric.name.isEmpty, "\(metric.id)")
        }
    }
}
