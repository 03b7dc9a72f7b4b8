/// Edit distance for option-name suggestions: insertions, deletions, substitutions and swaps of
/// two neighbouring characters each count one (the optimal string alignment distance), so the
/// commonest typos (`orientaton`, `mdoe`) are one edit away.
enum EditDistance {
    /// The number of edits from `a` to `b`.
    static func between(_ a: String, _ b: String) -> Int {
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
}
