import Foundation
import FormatKit
import Testing

/// ``AtomicOutput`` on its own: what a path resolves to, the temporary name, and the refusal
/// to overwrite an input.
@Suite struct AtomicOutputTests {
    func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, through output: AtomicOutput) throws {
        var sink = try output.makeSink()
        try sink.write(text)
        try sink.flush()
        try output.commit()
    }

    @Test func theTemporaryNameFitsBesideTheLongestLegalName() throws {
        let directory = try scratch()
        let name = String(repeating: "é", count: 127)   // 254 bytes
        let output = try AtomicOutput(path: directory.appendingPathComponent(name).path)
        #expect(output.temporaryURL.lastPathComponent.utf8.count <= 255)
        #expect(output.temporaryURL.lastPathComponent.hasPrefix(".é"))
        #expect(output.temporaryURL.lastPathComponent.hasSuffix(".tmp"))
        try write("x", through: output)
        #expect(try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8) == "x")
    }

    @Test func anInputIsRefusedBeforeAnythingIsWritten() throws {
        let directory = try scratch()
        let input = directory.appendingPathComponent("in.tsv")
        try Data("keep".utf8).write(to: input)
        let roundabout = directory.appendingPathComponent("sub/../in.tsv").path
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: false)
        let error = try #require(throws: ExportError.self) { try AtomicOutput(path: roundabout, protecting: [input.path]) }
        #expect(error.code == "io")
        #expect(try String(contentsOf: input, encoding: .utf8) == "keep")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["in.tsv", "sub"])
    }

    @Test func devicesAreWrittenThroughAndLinksFollowed() throws {
        #expect(try AtomicOutput(path: "/dev/null").target == .device(URL(fileURLWithPath: "/dev/null")))
        let directory = try scratch()
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "target.json")
        let output = try AtomicOutput(path: link.path)
        #expect(output.target == .file(directory.appendingPathComponent("target.json")))
        try write("{}", through: output)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "target.json")
        #expect(try String(contentsOf: link, encoding: .utf8) == "{}")
    }

    @Test func aDiscardedOutputLeavesNothing() throws {
        let directory = try scratch()
        let output = try AtomicOutput(path: directory.appendingPathComponent("out.json").path)
        var sink = try output.makeSink()
        try sink.write("partial")
        try sink.flush()
        output.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }
}
