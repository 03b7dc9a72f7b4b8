import Analysis
import Foundation
import ProfileModel
import Testing

/// The eigensolver and PCoA on cases with known answers.
@Suite struct OrdinationTests {
    @Test func euclideanPointsAreRecovered() throws {
        // For Euclidean distances PCoA recovers the configuration: distances between the
        // coordinates equal the input, and only as many eigenvalues as dimensions are positive.
        var generator = SeededGenerator(seed: 21)
        let points = (0..<12).map { _ in (0..<3).map { _ in Double.random(in: -5...5, using: &generator) } }
        let n = points.count
        var values = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { values[i * n + j] = zip(points[i], points[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot() } }
        let ordination = try PrincipalCoordinates(DistanceMatrix(ids: (0..<n).map { "p\($0)" }, values: values), axes: 3)
        #expect(ordination.eigenvalues.dropFirst(3).allSatisfy { $0 == 0 })
        #expect(nearlyEqual(ordination.proportionExplained.prefix(3).reduce(0, +), 1))
        for i in 0..<n {
            for j in 0..<n {
                let recovered = (0..<3).reduce(0.0) { sum, axis in
                    let difference = ordination.coordinates[axis][i] - ordination.coordinates[axis][j]
                    return sum + difference * difference
                }.squareRoot()
                #expect(abs(recovered - values[i * n + j]) < 1e-9, "\(i),\(j)")
            }
        }
    }

    @Test func threePointsOnALine() throws {
        // Points at 0, 1 and 3: B has the single eigenvalue Σ (xᵢ − x̄)² = 14/3.
        let d: [Double] = [0, 1, 3, 1, 0, 2, 3, 2, 0]
        let ordination = try PrincipalCoordinates(DistanceMatrix(ids: ["a", "b", "c"], values: d), axes: 1)
        #expect(nearlyEqual(ordination.eigenvalues[0], 14.0 / 3))
        let coordinates = ordination.coordinates[0]
        let sign = coordinates[2] > coordinates[0] ? 1.0 : -1.0
        for (value, expected) in zip(coordinates.map { $0 * sign }, [-4.0 / 3, -1.0 / 3, 5.0 / 3]) { #expect(nearlyEqual(value, expected)) }
    }

    @Test func undefinedDistancesAreRefused() throws {
        let matrix = DistanceMatrix(ids: ["a", "b", "c"], values: [0, .nan, 1, .nan, 0, 1, 1, 1, 0])
        #expect(throws: AnalysisError.self) { try PrincipalCoordinates(matrix, axes: 2) }
    }
}
