import Analysis
import Foundation
import ProfileModel

/// Small tables built for the tests through the model's builder.
enum TestTables {
    /// A leaves table from dense rows (one per sample); zeros are not stored.
    static func make(_ rows: [[Double]], unit: AbundanceUnit = .counts, taxa: [Taxon]? = nil,
                     samples: [Sample]? = nil) throws -> ProfileTable {
        let taxonCount = taxa?.count ?? rows.first?.count ?? 0
        var builder = ProfileTableBuilder(unit: unit, structure: .leaves)
        for index in 0..<taxonCount {
            _ = try builder.addTaxon(taxa?[index] ?? Taxon(id: "t\(index)", label: "t\(index)"))
        }
        for (index, row) in rows.enumerated() {
            let sample = try builder.addSample(samples?[index] ?? Sample(id: "s\(index)"))
            for (taxon, value) in row.enumerated() where value != 0 { try builder.setValue(value, sample: sample, taxon: taxon) }
        }
        return try builder.build()
    }

    /// A random sparse count table with a fixed seed.
    static func random(samples: Int, taxa: Int, density: Double, seed: UInt64) throws -> [[Double]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<samples).map { _ in
            (0..<taxa).map { _ in Double.random(in: 0..<1, using: &generator) < density ? Double(Int.random(in: 1...50, using: &generator)) : 0 }
        }
    }

    /// A taxon with a lineage given as (rank, name) pairs.
    static func taxon(_ id: String, _ pairs: [(Rank, String)]) -> Taxon {
        Taxon(id: id, label: pairs.last?.1 ?? id, lineage: Lineage(pairs) ?? Lineage())
    }

    /// Every value of a distance matrix as rows.
    static func rows(_ matrix: DistanceMatrix) -> [[Double]] {
        (0..<matrix.count).map { i in (0..<matrix.count).map { matrix[i, $0] } }
    }
}

/// Closeness for computed values: relative 1e-12 (both NaN counts as equal).
func nearlyEqual(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
    return abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
