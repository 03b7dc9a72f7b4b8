import Foundation
@testable import FormatKit
import ProfileModel

/// Writes bytes to a fresh temporary file and returns an input for it.
func temporaryInput(_ bytes: [UInt8], name: String = "input.txt") throws -> (ImportInput, URL) {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mhub-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return (ImportInput(url: url, name: name), url)
}

/// Compresses bytes with the system `gzip`.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "gzip -c -n"]
    let input = Pipe(), output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(bytes))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return [UInt8](data)
}

/// Every line of an input, decoded.
func allLines(_ input: ImportInput) throws -> [String] {
    var reader = try input.lines()
    var lines: [String] = []
    while let line = try reader.nextString() { lines.append(line) }
    return lines
}

/// UTF-16 bytes with a BOM.
func utf16(_ text: String, littleEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
    for unit in text.utf16 {
        let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        bytes += littleEndian ? pair : pair.reversed()
    }
    return bytes
}
