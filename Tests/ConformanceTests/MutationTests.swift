import ConformanceKit
import Testing

@Suite struct MutationTests {
    let text = Array("a\tb\n1\t2\n".utf8)

    @Test func textMutations() {
        #expect(Mutation.crlf.apply(to: text) == Array("a\tb\r\n1\t2\r\n".utf8))
        #expect(Mutation.byteOrderMark.apply(to: text) == [0xEF, 0xBB, 0xBF] + text)
        #expect(Mutation.noFinalNewline.apply(to: text) == Array("a\tb\n1\t2".utf8))
        #expect(Mutation.trailingBlankLines.apply(to: text) == Array("a\tb\n1\t2\n\n\n\n".utf8))
        #expect(Mutation.truncated(at: 3).apply(to: text) == Array("a\tb".utf8))
    }

    @Test func aMutationThatChangesNothingIsNotApplied() {
        #expect(Mutation.crlf.apply(to: Array("a\r\n".utf8)) == nil)
        #expect(Mutation.byteOrderMark.apply(to: [0xEF, 0xBB, 0xBF, 0x41]) == nil)
        #expect(Mutation.noFinalNewline.apply(to: Array("a".utf8)) == nil)
    }

    @Test func gzipWritesAGzipMember() throws {
        let compressed = try #require(Mutation.gzip.apply(to: text))
        #expect(compressed.starts(with: [0x1F, 0x8B]))
    }

    @Test func binaryFormatsGetNoTextMutations() {
        #expect(Mutation.battery(forSize: 100, binary: true).map(\.name)
                == ["gzip", "truncated@1", "truncated@25", "truncated@50", "truncated@75", "truncated@99"])
        #expect(Mutation.battery(forSize: 2, binary: false).map(\.name)
                == ["crlf", "bom", "no-final-newline", "trailing-blank-lines", "gzip", "truncated@1"])
    }

    /// `text` as UTF-16 code units in little-endian bytes, without a byte order mark.
    static func utf16LE(_ text: String) -> [UInt8] { text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }

    @Test func textMutationsEditUTF16TextInUTF16() {
        let text = Self.utf16LE("a\tb\n1\t2\n")
        #expect(Mutation.crlf.apply(to: text, encoding: .utf16LE) == Self.utf16LE("a\tb\r\n1\t2\r\n"))
        #expect(Mutation.byteOrderMark.apply(to: text, encoding: .utf16LE) == [0xFF, 0xFE] + text)
        #expect(Mutation.noFinalNewline.apply(to: text, encoding: .utf16LE) == Self.utf16LE("a\tb\n1\t2"))
        #expect(Mutation.trailingBlankLines.apply(to: text, encoding: .utf16LE) == Self.utf16LE("a\tb\n1\t2\n\n\n\n"))
    }

    @Test func aByteOrderMarkNamesTheEncodingOfTheEdits() {
        let text = [0xFF, 0xFE] + Self.utf16LE("a\n")
        #expect(Mutation.crlf.apply(to: text) == [0xFF, 0xFE] + Self.utf16LE("a\r\n"))
        #expect(Mutation.byteOrderMark.apply(to: text) == nil)
        let bigEndian: [UInt8] = [0xFE, 0xFF, 0x00, 0x61, 0x00, 0x0A]
        #expect(Mutation.noFinalNewline.apply(to: bigEndian) == [0xFE, 0xFF, 0x00, 0x61])
    }

    @Test func windows1252HasNoByteOrderMarkToAdd() {
        #expect(Mutation.byteOrderMark.apply(to: [0x41, 0xE9, 0x0A], encoding: .windows1252) == nil)
        #expect(Mutation.crlf.apply(to: [0x41, 0xE9, 0x0A], encoding: .windows1252) == [0x41, 0xE9, 0x0D, 0x0A])
    }
}
