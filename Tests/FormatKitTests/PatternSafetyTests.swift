import FormatKit
import Foundation
import Testing

@Suite struct PatternSafetyTests {
    @Test(arguments: ["^(a+)+$", "(a|ab)*c", "(?:x*y?){3}", "((ab)*c)+", "(a)\\1", "(?<w>a)\\k<w>", "\\d*\\d*x", "\\S+\\s+\\d{1,100}", "^(.*,)*$"])
    func catastrophicShapesAreRefused(_ pattern: String) {
        #expect(PatternSafety.problem(in: pattern) != nil, "\(pattern)")
    }

    /// Every pattern the built-in descriptors use, and other everyday shapes.
    @Test(arguments: ["^(.+?)(\\.ganon)?\\.tre$", "^(unclassified\\t-\\t-\\tunclassified|root\\t1\\t1\\troot)\\t", "^(.+?)(\\.k)?\\.profile$",
                      "^sk__[^\\t]*\\t", "^(Root;)?[kd]__", "\"ubiome_bacteriacounts\"\\s*:", "^Fixture Lab", "[a-z]+\\d{2,3}",
                      "\\p{L}+ (sp\\.)?", "^[(+*]{2}", "(?i)^#mpa_v\\d+", "(ab){2}", "a{,3}b"])
    func boundedShapesAreAccepted(_ pattern: String) throws {
        #expect(PatternSafety.problem(in: pattern) == nil, "\(pattern): \(PatternSafety.problem(in: pattern) ?? "")")
        _ = try Regex(pattern)
    }

    @Test func theWorstAcceptedCaseStaysFast() throws {
        // An unbounded repetition failing at the end, tried from every start: quadratic in the subject.
        let regex = try Regex("\\d*x")
        let line = Substring(String(repeating: "7", count: 200_000))
        let started = Date()
        #expect(try regex.firstMatch(in: PatternSafety.subject(line)) == nil)
        #expect(Date().timeIntervalSince(started) < 2)
    }
}
