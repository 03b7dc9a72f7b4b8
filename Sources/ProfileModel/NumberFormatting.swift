/// Prints numbers the shortest way that reads back to the same value.
public enum NumberFormatting {
    /// Integral values within ±2^53 print as integers (`120`, not `120.0`); others use the
    /// shortest digits that round-trip (`0.1`, `1e-05`). The caller ensures the value is finite.
    public static func shortest(_ value: Double) -> String {
        if value == value.rounded(.towardZero), abs(value) < 9_007_199_254_740_992 {
            return value == 0 ? "0" : String(Int64(value))
        }
        return String(value)
    }
}
