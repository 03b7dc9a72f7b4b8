import Analysis
import Foundation
import ProfileModel
import Testing

/// Beta diversity: hand-worked pairs, the sparse per-taxon pass against a direct dense
/// computation, and invariants (taxon order, zero padding, scaling).
@Suite struct BetaDiversityTests {
    @Test func handWorkedPair() throws {
        // x = (1, 2, 0), y = (3, 0, 1): Σ|x − y| = 2 + 2 + 1 = 5, Σ(x + y) = 7.
        let table = try TestTables.make([[1, 2, 0], [3, 0, 1]])
        #expect(nearlyEqual(try BetaMetric.braycurtis.distances(table)[0, 1], 5.0 / 7))
        // Present taxa {0, 1} and {0, 2}: one shared of three.
        #expect(nearlyEqual(try BetaMetric.jaccard.distances(table)[0, 1], 2.0 / 3))
    }

    @Test func emptySamplesFollowSciPy() throws {
        let table = try TestTables.make([[0, 0], [0, 0], [1, 2]])
        let bray = try BetaMetric.braycurtis.distances(table)
        #expect(bray[0, 1].isNaN)
        #expect(bray[0, 2] == 1)
        #expect(bray.undefinedPairs.count == 1)
        #expect(try BetaMetric.jaccard.distances(table)[0, 1] == 0)
    }

    @Test("sparse pass equals a direct dense computation", arguments: [(1, 5), (7, 30), (64, 200)])
    func sparseEqualsDense(_ size: (samples: Int, taxa: Int)) throws {
        let rows = try TestTables.random(samples: size.samples, taxa: size.taxa, density: 0.2, seed: 7)
        let table = try TestTables.make(rows)
        let bray = try BetaMetric.braycurtis.distances(table), jaccard = try BetaMetric.jaccard.distances(table)
        for i in rows.indices {
            for j in rows.indices {
                let x = rows[i], y = rows[j]
                let difference = zip(x, y).reduce(0) { $0 + abs($1.0 - $1.1) }, sum = zip(x, y).reduce(0) { $0 + $1.0 + $1.1 }
                let expected = i == j ? 0 : (sum == 0 ? Double.nan : difference / sum)
                #expect(nearlyEqual(bray[i, j], expected), "braycurtis \(i),\(j)")
                let union = zip(x, y).filter { $0.0 > 0 || $0.1 > 0 }.count, shared = zip(x, y).filter { $0.0 > 0 && $0.1 > 0 }.count
                let expectedJaccard = i == j || union == 0 ? 0 : Double(union - shared) / Double(union)
                #expect(nearlyEqual(jaccard[i, j], expectedJaccard), "jaccard \(i),\(j)")
            }
        }
    }

    @Test func aitchisonEqualsEuclideanOnTheDenseTransform() throws {
        let rows = try TestTables.random(samples: 12, taxa: 40, density: 0.3, seed: 11)
        let table = try TestTables.make(rows)
        let clr = try CenteredLogRatio(for: table, pseudocount: 0.5)
        let distances = try BetaMetric.aitchison.distances(table, pseudocount: 0.5)
        for i in rows.indices {
            let a = clr.values(ofSample: i)
            // Each transformed sample sums to zero.
            #expect(abs(a.reduce(0, +)) < 1e-9)
            for j in rows.indices {
                let b = clr.values(ofSample: j)
                let expected = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
                #expect(nearlyEqual(distances[i, j], expected, tolerance: 1e-10), "\(i),\(j)")
            }
        }
        // clr(x + c) by definition, on the first sample.
        let direct = rows[0].map { log($0 + 0.5) }
        let mean = direct.reduce(0, +) / Double(direct.count)
        for (value, expected) in zip(clr.values(ofSample: 0), direct.map { $0 - mean }) { #expect(nearlyEqual(value, expected)) }
    }

    @Test func taxonOrderDoesNotMatter() throws {
        let rows = try TestTables.random(samples: 15, taxa: 25, density: 0.3, seed: 3)
        let order = Array((0..<25).reversed())
        let shuffled = rows.map { row in order.map { row[$0] } }
        for metric in BetaMetric.allCases {
            let a = TestTables.rows(try metric.distances(try TestTables.make(rows), pseudocount: 1))
            let b = TestTables.rows(try metric.distances(try TestTables.make(shuffled), pseudocount: 1))
            for (x, y) in zip(a.joined(), b.joined()) { #expect(nearlyEqual(x, y, tolerance: 1e-10), "\(metric)") }
        }
    }

    @Test func zeroPaddingDoesNotChangeBrayCurtisOrJaccard() throws {
        // Aitchison depends on the number of taxa D (every absent taxon gets the pseudocount),
        // so padding changes it by design; Bray–Curtis and Jaccard only see present taxa.
        let rows = try TestTables.random(samples: 10, taxa: 20, density: 0.3, seed: 5)
        let padded = rows.map { $0 + [0, 0, 0, 0, 0] }
        for metric in [BetaMetric.braycurtis, .jaccard] {
            #expect(try metric.distances(try TestTables.make(rows)).values == metric.distances(try TestTables.make(padded)).values)
        }
    }

    @Test func scalingASampleAfterClosingChangesNothing() throws {
        let rows = try TestTables.random(samples: 8, taxa: 20, density: 0.4, seed: 9)
        var scaled = rows
        scaled[3] = scaled[3].map { $0 * 3.7 }
        let a = try BetaMetric.braycurtis.distances(try RelativeAbundance.closed(try TestTables.make(rows)))
        let b = try BetaMetric.braycurtis.distances(try RelativeAbundance.closed(try TestTables.make(scaled)))
        for (x, y) in zip(a.values, b.values) { #expect(nearlyEqual(x, y, tolerance: 1e-12)) }
        #expect(try BetaMetric.jaccard.distances(try TestTables.make(rows)).values == BetaMetric.jaccard.distances(try TestTables.make(scaled)).values)
    }

    @Test func alphaInvariants() throws {
        let rows = try TestTables.random(samples: 10, taxa: 30, density: 0.4, seed: 13)
        let proportional: [any AlphaMetric] = [Shannon(), Simpson(), InverseSimpson(), PielouEvenness(), BergerParker()]
        let reference = try AlphaDiversity(try TestTables.make(rows), metrics: AlphaCatalogue.all)
        let reversed = try AlphaDiversity(try TestTables.make(rows.map { Array($0.reversed()) }), metrics: AlphaCatalogue.all)
        let padded = try AlphaDiversity(try TestTables.make(rows.map { [0, 0] + $0 + [0] }), metrics: AlphaCatalogue.all)
        for (a, (b, c)) in zip(reference.values, zip(reversed.values, padded.values)) {
            #expect(nearlyEqual(a, b) && nearlyEqual(a, c))
        }
        let base = try AlphaDiversity(try TestTables.make(rows), metrics: proportional)
        let scaled = try AlphaDiversity(try TestTables.make(rows.map { $0.map { $0 * 2.5 } }), metrics: proportional)
        for (a, b) in zip(base.values, scaled.values) { #expect(nearlyEqual(a, b)) }
    }
}
