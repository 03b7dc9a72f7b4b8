/// Edit distance for "did you mean" suggestions (option names, format ids, commands): insertions, deletions, substitutions and swaps of
/// two neighbouring characters each count one (the optimal string alignment distance), so the
/// commonest typos (`orientaton`, `mdoe`) are one edit away.
public enum EditDistance {
    /// The number of edits from `a` to `b`.
    public static func between(_ a: String, _ b: String) -> Int {
        let first = Array(a), second = Array(b)
        guard !first.isEmpty else { return second.count }
        guard !second.isEmpty else { return first.count }
        var table = [[Int]](repeating: [Int](repeating: 0, count: second.count + 1), count: first.count + 1)
        for i in 0...first.count { table[i][0] = i }
        for j in 0...second.count { table[0][j] = j }
        for i in 1...first.count {
            for j in 1...second.count {
                let cost = first[i - 1] == second[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, first[i - 1] == second[j - 2], first[i - 2] == second[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[first.count][second.count]
    }

    /// The name closest to `name` by edit distance, when it is close enough to be a typo: at
    /// most a third of the longer name's letters (and at least 1) differ.
    public static func nearest(to name: String, among names: [String]) -> String? {
        let scored = names.map { ($0, between(name, $0)) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        let allowed = max(1, max(name.count, best.0.count) / 3)
        return best.1 <= allowed ? best.0 : nil
    }
}
