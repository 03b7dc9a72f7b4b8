/// Typed readings of scalars under the YAML 1.2 core schema: only plain, untagged scalars
/// are resolved to null, booleans and numbers; quoted and block scalars are always text.
extension YAMLScalar {
    /// Whether the scalar is resolved to text only (quoted, block, or tagged `!!str`).
    private var isForcedString: Bool {
        style != .plain || tag == "tag:yaml.org,2002:str"
    }

    /// Whether the scalar is null (`~`, `null`, `Null`, `NULL` or empty, written plain).
    public var isNull: Bool {
        guard !isForcedString else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(value)
    }

    /// The boolean value (`true`/`false` in the core schema's three spellings), if the scalar is one.
    public var bool: Bool? {
        guard !isForcedString else { return nil }
        switch value {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    /// The integer value (decimal, `0x` hexadecimal or `0o` octal), if the scalar is one.
    public var integer: Int? {
        guard !isForcedString else { return nil }
        if value.hasPrefix("0x"), let number = Int(value.dropFirst(2), radix: 16) { return number }
        if value.hasPrefix("0o"), let number = Int(value.dropFirst(2), radix: 8) { return number }
        guard let first = value.first, first.isNumber || first == "-" || first == "+" else { return nil }
        return Int(value)
    }

    /// The floating-point value (including integers, `.inf`, `.nan`), if the scalar is a number.
    public var number: Double? {
        guard !isForcedString else { return nil }
        if let integer { return Double(integer) }
        switch value {
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
        case "-.inf", "-.Inf", "-.INF": return -.infinity
        case ".nan", ".NaN", ".NAN": return .nan
        default: break
        }
        guard let first = value.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        guard value.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        return Double(value)
    }
}
