/// Keeps the regular expressions that descriptors and external plugins bring (detection line
/// patterns, sample file-name patterns) from hanging `mhub`.
///
/// Swift's `Regex` backtracks and cannot be interrupted, so `^(a+)+$` against forty `a`s and a
/// `b` runs for hours. Instead of a time budget the patterns are bounded by construction:
/// ``problem(in:)`` refuses, when the descriptor is loaded, the shapes whose matching time can
/// grow faster than the square of the text — a repeated group that itself repeats or
/// alternates (`(a+)+`, `(a|ab)*`, `(x*y?){3}`), backreferences, and more than one unbounded
/// repetition (`\d*\d*x`; a count above 16 is unbounded here: an unanchored search already
/// multiplies by the length, so two are cubic) — and ``subject(_:)`` cuts the text a pattern
/// sees to ``maximumSubjectLength`` characters, so the remaining quadratic worst case stays
/// at a few milliseconds a line. A pattern needing more is better written with classes and
/// anchors (`^[^\t]+\t` rather than `\S+\s+\d+`).
public enum PatternSafety {
    /// The most characters of a line (or file name) a pattern is matched against.
    public static let maximumSubjectLength = 256
    /// The most unbounded repetitions (`*`, `+`, `{n,}`, `{n,m}` with m over ``largestCount``) one pattern may hold.
    public static let maximumUnboundedRepetitions = 1
    /// The largest repetition count treated as bounded.
    public static let largestCount = 16

    /// What makes `pattern` unsafe to match, or `nil` when its matching time is bounded.
    public static func problem(in pattern: String) -> String? {
        var scanner = Scanner(Array(pattern.unicodeScalars))
        return scanner.run()
    }

    /// The part of `text` a pattern is matched against.
    public static func subject(_ text: Substring) -> Substring {
        text.prefix(maximumSubjectLength)
    }

    /// One pass over the pattern, tracking for each open group whether its body repeats or alternates.
    private struct Scanner {
        struct Group {
            var repeats = false
            var alternates = false
        }

        let scalars: [Unicode.Scalar]
        var index = 0
        var groups = [Group()]
        /// The group that just closed, while its quantifier (if any) has not been read.
        var closed: Group?
        var unbounded = 0

        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        mutating func run() -> String? {
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                let lastClosed = closed
                closed = nil
                switch scalar {
                case "\\":
                    guard index < scalars.count else { return nil }
                    let escaped = scalars[index]
                    index += 1
                    if ("1"..."9").contains(escaped) || escaped == "k" || escaped == "g" {
                        return "a backreference (\\\(escaped)) can make matching take exponential time"
                    }
                case "[":
                    skipClass()
                case "(":
                    skipGroupPrefix()
                    groups.append(Group())
                case ")":
                    guard groups.count > 1 else { return nil }
                    let group = groups.removeLast()
                    if group.repeats { groups[groups.count - 1].repeats = true }
                    if group.alternates { groups[groups.count - 1].alternates = true }
                    closed = group
                case "|":
                    groups[groups.count - 1].alternates = true
                case "*", "+", "{":
                    if scalar == "{", !quantifierFollows(from: index - 1) { continue }
                    let (repeats, isUnbounded) = quantifier(scalar)
                    if repeats, let lastClosed, lastClosed.repeats || lastClosed.alternates {
                        return "a repeated group that itself repeats or alternates (as in (a+)+ or (a|ab)*) can make matching take exponential time"
                    }
                    if isUnbounded {
                        unbounded += 1
                        if unbounded > maximumUnboundedRepetitions {
                            return "more than \(maximumUnboundedRepetitions) unbounded repetition (*, +, {n,}) can make matching take polynomial time of a high degree"
                        }
                    }
                    if repeats { groups[groups.count - 1].repeats = true }
                    skipQuantifierSuffix()
                default:
                    break
                }
            }
            return nil
        }

        /// Reads a quantifier starting at `first` (already consumed): whether it repeats (more
        /// than once) and whether it is unbounded. `?` neither repeats nor is unbounded.
        mutating func quantifier(_ first: Unicode.Scalar) -> (repeats: Bool, unbounded: Bool) {
            switch first {
            case "*", "+": return (true, true)
            default:
                var text = ""
                while index < scalars.count, scalars[index] != "}" {
                    text.unicodeScalars.append(scalars[index])
                    index += 1
                }
                index += 1
                let bounds = text.split(separator: ",", omittingEmptySubsequences: false)
                let lower = Int(bounds.first ?? "") ?? 0
                if bounds.count == 1 { return (lower > 1, lower > largestCount) }
                guard let upper = Int(bounds[1]) else { return (true, true) }
                return (upper > 1, upper > largestCount)
            }
        }

        /// Whether the `{` at `position` opens a counted quantifier (`{2}`, `{1,}`, `{,3}`, `{2,5}`).
        func quantifierFollows(from position: Int) -> Bool {
            var cursor = position + 1
            var sawDigit = false
            while cursor < scalars.count {
                let scalar = scalars[cursor]
                if scalar == "}" { return sawDigit }
                if ("0"..."9").contains(scalar) { sawDigit = true } else if scalar != "," { return false }
                cursor += 1
            }
            return false
        }

        /// Skips a lazy `?` or possessive `+` after a quantifier.
        mutating func skipQuantifierSuffix() {
            if index < scalars.count, scalars[index] == "?" || scalars[index] == "+" { index += 1 }
        }

        /// Skips a character class, `[` already consumed (`]` first in the class is literal).
        mutating func skipClass() {
            if index < scalars.count, scalars[index] == "^" { index += 1 }
            if index < scalars.count, scalars[index] == "]" { index += 1 }
            while index < scalars.count {
                let scalar = scalars[index]
                index += 1
                if scalar == "\\" { index += 1 } else if scalar == "[" { skipClass() } else if scalar == "]" { return }
            }
        }

        /// Skips what follows `(` in `(?:`, `(?=`, `(?!`, `(?<=`, `(?<!`, `(?<name>`, `(?P<name>`, `(?i)`.
        mutating func skipGroupPrefix() {
            guard index < scalars.count, scalars[index] == "?" else { return }
            index += 1
            while index < scalars.count {
                let scalar = scalars[index]
                if scalar == ":" || scalar == "=" || scalar == "!" || scalar == ">" || scalar == ")" {
                    if scalar != ")" { index += 1 }
                    return
                }
                index += 1
            }
        }
    }
}
