import Foundation
import Testing
@testable import FormatKit

@Suite("Input layer: compression, encodings and line endings")
struct InputLayerTests {
    static let text = "#OTU ID\tS1\tS2\nBacteroides ünïcode\t1\t2\nPrevotella 🦠\t3\t4\n"
    static let expected = ["#OTU ID\tS1\tS2", "Bacteroides ünïcode\t1\t2", "Prevotella 🦠\t3\t4"]

    @Test func plainUTF8() throws {
        #expect(try allLines(temporaryInput(Array(Self.text.utf8)).0) == Self.expected)
    }

    @Test func utf8WithBOM() throws {
        #expect(try allLines(temporaryInput([0xEF, 0xBB, 0xBF] + Array(Self.text.utf8)).0) == Self.expected)
    }

    @Test(arguments: [true, false])
    func utf16WithBOM(littleEndian: Bool) throws {
        #expect(try allLines(temporaryInput(utf16(Self.text, littleEndian: littleEndian)).0) == Self.expected)
    }

    @Test func crlfAndLoneCR() throws {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try allLines(temporaryInput(Array(crlf.utf8)).0) == Self.expected)
        let cr = Self.text.replacingOccurrences(of: "\n", with: "\r")
        #expect(try allLines(temporaryInput(Array(cr.utf8)).0) == Self.expected)
    }

    @Test func noFinalNewline() throws {
        #expect(try allLines(temporaryInput(Array(Self.text.dropLast().utf8)).0) == Self.expected)
    }

    @Test func gzipOfUTF16WithCRLF() throws {
        let crlf = Self.text.replacingOccurrences(of: "\n", with: "\r\n")
        let (input, _) = try temporaryInput(try gzip(utf16(crlf, littleEndian: true)), name: "table.tsv.gz")
        #expect(try input.isCompressed())
        #expect(try allLines(input) == Self.expected)
    }

    @Test func concatenatedGzipMembers() throws {
        let first = try gzip(Array("a\n".utf8)), second = try gzip(Array("b\n".utf8))
        #expect(try allLines(temporaryInput(first + second).0) == ["a", "b"])
    }

    @Test func truncatedGzipIsATypedEncodingError() throws {
        let compressed = try gzip(Array(String(repeating: Self.text, count: 200).utf8))
        let (input, _) = try temporaryInput(Array(compressed.prefix(compressed.count / 2)), name: "cut.gz")
        #expect { _ = try allLines(input) } throws: { error in
            (error as? ImportError)?.code == "encoding"
        }
    }

    @Test func chunkBoundariesDoNotSplitLines() throws {
        let lines = (0..<5_000).map { "line \($0)\twith some text" }
        let (input, _) = try temporaryInput(Array((lines.joined(separator: "\r\n") + "\r\n").utf8))
        var reader = LineReader(stream: try input.openText(), chunkSize: 7)
        var read: [String] = []
        while let line = try reader.nextString() { read.append(line) }
        #expect(read == lines)
        #expect(reader.lineNumber == 5_000)
    }

    @Test func anEndlessLineHitsTheLimit() throws {
        let (input, _) = try temporaryInput([UInt8](repeating: 0x41, count: 10_000), name: "one-line.txt")
        var reader = LineReader(stream: try input.openText(), displayName: "one-line.txt", chunkSize: 1_000,
                                maxLineLength: 4_096)
        #expect(throws: ImportError.limitExceeded(SourceLocation(file: "one-line.txt", line: 1),
                                                  limit: "a line longer than 4096 bytes")) {
            _ = try reader.nextLine()
        }
    }

    @Test func windows1252WhenForced() throws {
        let (_, url) = try temporaryInput([0x4D, 0xFC, 0x6E, 0x63, 0x68, 0x65, 0x6E, 0x80, 0x0A])
        let input = ImportInput(url: url, name: "latin.csv", encoding: .windows1252)
        #expect(try allLines(input) == ["München€"])
    }

    @Test func prefixIsDecodedAndBounded() throws {
        let (input, _) = try temporaryInput(utf16(Self.text, littleEndian: false), name: "x.tsv")
        let prefix = try input.prefix(limits: InputPrefix.Limits(bytes: 30, textBytes: 30))
        #expect(!prefix.isComplete)
        #expect(prefix.text.hasPrefix("#OTU ID"))
        #expect(prefix.lines == ["#OTU ID\tS1\tS2"])
        #expect(prefix.fileName == "x.tsv")
    }

    @Test func missingFileIsAnIOError() throws {
        let input = ImportInput(url: URL(fileURLWithPath: "/nonexistent/table.tsv"), name: "/nonexistent/table.tsv")
        #expect(throws: ImportError.self) { _ = try input.lines() }
    }
}
