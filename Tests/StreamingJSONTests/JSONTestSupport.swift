import FormatKit
import Foundation
import StreamingJSON
import XCTest

/// A reader over in-memory bytes, read `chunkSize` bytes at a time.
func makeReader(_ bytes: [UInt8], chunkSize: Int = 1 << 20, limits: JSONReaderLimits = JSONReaderLimits()) -> JSONReader {
    JSONReader(stream: MemoryByteStream(bytes), limits: limits, chunkSize: chunkSize)
}

func makeReader(_ text: String, chunkSize: Int = 1 << 20, limits: JSONReaderLimits = JSONReaderLimits()) -> JSONReader {
    makeReader(Array(text.utf8), chunkSize: chunkSize, limits: limits)
}

/// Every token of a document with where it starts, up to and including `endOfInput`.
func tokens(of bytes: [UInt8], chunkSize: Int = 1 << 20,
            limits: JSONReaderLimits = JSONReaderLimits()) throws(JSONReadError) -> [(JSONToken, JSONPosition)] {
    var reader = makeReader(bytes, chunkSize: chunkSize, limits: limits)
    var result: [(JSONToken, JSONPosition)] = []
    while true {
        let token = try reader.next()
        result.append((token, reader.tokenPosition))
        if token == .endOfInput { return result }
    }
}

func tokens(of text: String, chunkSize: Int = 1 << 20) throws(JSONReadError) -> [(JSONToken, JSONPosition)] {
    try tokens(of: Array(text.utf8), chunkSize: chunkSize)
}

/// The error reading every token of `bytes` gives, failing the test when there is none.
func readError(_ bytes: [UInt8], chunkSize: Int = 1 << 20, limits: JSONReaderLimits = JSONReaderLimits(),
               file: StaticString = #filePath, line: UInt = #line) -> JSONReadError? {
    do {
        _ = try tokens(of: bytes, chunkSize: chunkSize, limits: limits)
        XCTFail("expected an error for \(String(decoding: bytes.prefix(80), as: UTF8.self))", file: file, line: line)
        return nil
    } catch {
        return error
    }
}

func readError(_ text: String, limits: JSONReaderLimits = JSONReaderLimits(),
               file: StaticString = #filePath, line: UInt = #line) -> JSONReadError? {
    readError(Array(text.utf8), limits: limits, file: file, line: line)
}

/// Runs `body` with a sink over a temporary file and returns what it wrote.
func written(_ body: (inout OutputSink) throws -> Void) throws -> String {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("json-writer-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: url) }
    var sink = try OutputSink(fileURL: url)
    try body(&sink)
    try sink.flush()
    return try String(contentsOf: url, encoding: .utf8)
}

extension JSONNumber {
    /// A number token's value for comparisons.
    static func of(_ token: JSONToken) -> JSONNumber? {
        if case .number(let number) = token { return number }
        return nil
    }
}
