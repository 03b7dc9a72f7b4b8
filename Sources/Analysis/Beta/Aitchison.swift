import Foundation
import ProfileModel

/// Aitchison distance: Euclidean distance between CLR-transformed samples.
///
/// With clr(x)ᵢ = uᵢ − ū (see ``CenteredLogRatio``) and δ = ū_x − ū_y, the squared distance is
/// Σ over taxa present in either sample of (u_xᵢ − u_yᵢ − δ)², plus δ² for each of the other
/// taxa. Each pair is a merge-join of the two sorted sparse rows, so the dense transform is never
/// built. vegan: `vegdist(x, "aitchison", pseudocount = c)`; scikit-bio has no Aitchison metric
/// in `beta_diversity`, and equals Euclidean distance on `clr(x + c)`.
enum Aitchison {
    static func distances(_ table: ProfileTable, clr: CenteredLogRatio) -> DistanceMatrix {
        let n = table.samples.count
        var values = [Double](repeating: 0, count: n * n)
        PairwiseFill.symmetric(&values, count: n) { i, j, _ in
            sqrt(squaredDistance(clr, i, j))
        }
        return DistanceMatrix(ids: table.samples.map(\.id), values: values)
    }

    private static func squaredDistance(_ clr: CenteredLogRatio, _ first: Int, _ second: Int) -> Double {
        let shift = clr.means[first] - clr.means[second]
        var a = clr.rowStarts[first], b = clr.rowStarts[second]
        let endA = clr.rowStarts[first + 1], endB = clr.rowStarts[second + 1]
        var sum = 0.0
        var union = 0
        while a < endA || b < endB {
            let taxonA = a < endA ? clr.taxonIndices[a] : Int32.max
            let taxonB = b < endB ? clr.taxonIndices[b] : Int32.max
            let difference: Double
            if taxonA == taxonB {
                difference = clr.shiftedLogs[a] - clr.shiftedLogs[b] - shift
                a += 1
                b += 1
            } else if taxonA < taxonB {
                difference = clr.shiftedLogs[a] - shift
                a += 1
            } else {
                difference = -clr.shiftedLogs[b] - shift
                b += 1
            }
            sum += difference * difference
            union += 1
        }
        return sum + Double(clr.taxonCount - union) * shift * shift
    }
}
