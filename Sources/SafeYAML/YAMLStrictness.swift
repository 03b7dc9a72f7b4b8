/// Checks that a parsed document means one thing, for data files (profiles, vendor reports)
/// where YAML's leniency would hide mistakes: no mapping repeats a key, every key is a text
/// scalar, and no node carries a tag outside the YAML core schema.
///
/// Configuration files that use application tags (QIIME 2's `!ref`) are not checked this way.
public enum YAMLStrictness {
    /// The core schema's tags (`tag:yaml.org,2002:` followed by these names).
    public static let coreTags: Set<String> = ["str", "int", "float", "bool", "null", "map", "seq"]
    private static let corePrefix = "tag:yaml.org,2002:"

    /// The core tag name of `tag` (`str` for `tag:yaml.org,2002:str`), `nil` for no tag or the
    /// non-specific `!`; throws for any other tag.
    public static func coreTag(_ tag: String?, at mark: YAMLMark, file: String) throws(YAMLError) -> String? {
        guard let tag, tag != "!" else { return nil }
        let name = tag.hasPrefix(corePrefix) ? String(tag.dropFirst(corePrefix.count)) : ""
        guard coreTags.contains(name) else { throw .unknownTag(YAMLLocation(file: file, mark: mark), tag: tag) }
        return name
    }

    /// Checks every node of `root` (iteratively, so depth cannot overflow the stack).
    public static func check(_ root: YAMLNode, file: String) throws(YAMLError) {
        var pending = [root]
        while let node = pending.popLast() {
            _ = try coreTag(node.tag ?? node.scalar?.tag, at: node.mark, file: file)
            switch node.content {
            case .scalar:
                break
            case .sequence(let items):
                pending.append(contentsOf: items)
            case .mapping(let pairs):
                var keys: Set<String> = []
                for pair in pairs {
                    guard let key = pair.key.scalar, pair.key.tag == nil,
                          try coreTag(key.tag, at: pair.key.mark, file: file) ?? "str" == "str" else {
                        throw .nonTextKey(YAMLLocation(file: file, mark: pair.key.mark))
                    }
                    guard keys.insert(key.value).inserted else {
                        throw .duplicateKey(YAMLLocation(file: file, mark: pair.key.mark), key: key.value)
                    }
                    pending.append(pair.value)
                }
            }
        }
    }
}
