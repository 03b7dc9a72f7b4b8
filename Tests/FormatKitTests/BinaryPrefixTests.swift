import FormatKit
import Testing

@Suite struct BinaryPrefixTests {
    func prefix(_ bytes: [UInt8]) -> InputPrefix {
        InputPrefix(fileName: "x", bytes: bytes, text: String(decoding: bytes, as: UTF8.self), isComplete: true)
    }

    @Test func randomBytesAndNULsAreBinary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let junk = (0..<300).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(prefix(junk).looksBinary)
        }
        #expect(prefix(Array("taxon\tS1\nA\t1\u{0}\n".utf8)).looksBinary)
    }

    @Test func textInAnyEncodingIsNot() {
        #expect(!prefix(Array("taxon\tS1\r\nk__Bacteria;g__Blautia\t12\n\u{0C}Müller\t3\n".utf8)).looksBinary)
        // Windows-1252 bytes (repaired in the text) are letters, not control characters.
        #expect(!prefix(Array("taxon,S1\nCaf".utf8) + [0xE9] + Array(",1\nna".utf8) + [0xEF] + Array("ve,2\n".utf8)).looksBinary)
        #expect(!prefix([]).looksBinary)
    }
}
