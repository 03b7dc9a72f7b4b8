/// Reads lineage cells written as a list literal, as biom-format's Python `Table.to_tsv` does
/// by default (`['k__Bacteria', 'p__Firmicutes']`, the `str()` of the metadata list).
public enum ListLiteralCells {
    /// The items of a list of quoted strings (single or double quotes, backslash escapes);
    /// `nil` when the text is not such a list.
    public static func items(_ text: String) -> [String]? {
        let characters = Array(text)
        guard characters.first == "[", characters.last == "]" else { return nil }
        var items: [String] = []
        var index = 1
        let end = characters.count - 1
        func skipSpaces() { while index < end, characters[index] == " " { index += 1 } }
        skipSpaces()
        if index == end { return [] }
        while index < end {
            let quote = characters[index]
            guard quote == "'" || quote == "\"" else { return nil }
            index += 1
            var item = ""
            var closed = false
            while index < end {
                let character = characters[index]
                if character == "\\", index + 1 < end {
                    item.append(characters[index + 1])
                    index += 2
                } else if character == quote {
                    closed = true
                    index += 1
                    break
                } else {
                    item.append(character)
                    index += 1
                }
            }
            guard closed else { return nil }
            items.append(item)
            skipSpaces()
            if index == end { break }
            guard characters[index] == "," else { return nil }
            index += 1
            skipSpaces()
        }
        return items
    }
}
