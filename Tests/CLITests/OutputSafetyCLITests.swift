import Foundation
import Testing

/// Where `-o` may point and what happens there, through the built `mhub`: an input is never
/// overwritten, devices and FIFOs are written through, links are followed, permissions kept,
/// long names work, interrupted runs leave no temporary file, and closed or full standard
/// streams end in a typed failure with exit status 1.
@Suite struct OutputSafetyCLITests {
    static let input = MHubRunner.packageRoot.appendingPathComponent("Conformance/wide-tsv/valid-biobakery-dada2-asv.tsv")

    /// A scratch folder holding a copy of the input as `a.tsv`.
    func folderWithInput() throws -> URL {
        let directory = try MHubRunner.scratchDirectory()
        try FileManager.default.copyItem(at: Self.input, to: directory.appendingPathComponent("a.tsv"))
        return directory
    }

    func fileType(_ path: String) -> mode_t {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : 0
    }

    @Test(arguments: ["a.tsv", "./sub/../a.tsv", "link.tsv", "hard.tsv"])
    func refusesAnOutputThatIsTheInput(_ output: String) throws {
        let directory = try folderWithInput()
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("link.tsv").path, withDestinationPath: "a.tsv")
        try FileManager.default.linkItem(atPath: directory.appendingPathComponent("a.tsv").path,
                                         toPath: directory.appendingPathComponent("hard.tsv").path)
        let before = try Data(contentsOf: directory.appendingPathComponent("a.tsv"))
        let result = try MHubRunner.run(["convert", "a.tsv", "-o", output, "--to", "wide-tsv"], in: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error [io]") && result.stderr.contains("same file as the input"), "\(result.stderr)")
        #expect(try Data(contentsOf: directory.appendingPathComponent("a.tsv")) == before)
        #expect(try MHubRunner.listing(directory) == ["a.tsv", "hard.tsv", "link.tsv", "sub"])
    }

    @Test func writesThroughToACharacterDevice() throws {
        let directory = try folderWithInput()
        let result = try MHubRunner.run(["convert", "a.tsv", "-o", "/dev/null", "--to", "mhub-json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType("/dev/null") == S_IFCHR)
        #expect(try MHubRunner.listing(directory) == ["a.tsv"])
    }

    @Test func writesThroughDevStdoutToAPipe() throws {
        let directory = try folderWithInput()
        let result = try MHubRunner.run(["convert", "a.tsv", "-o", "/dev/stdout", "--to", "mhub-json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("{"))
        #expect(fileType("/dev/stdout") == S_IFLNK)
    }

    @Test func writesThroughToAFIFO() throws {
        let directory = try folderWithInput()
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let result = try MHubRunner.shell("cat pipe > received & \"$0\" convert a.tsv -o pipe --to mhub-json; status=$?; wait; exit $status",
                                          in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(fifo) == S_IFIFO)
        #expect(try Data(contentsOf: directory.appendingPathComponent("received")).first == UInt8(ascii: "{"))
    }

    @Test func followsASymbolicLinkAndKeepsIt() throws {
        let directory = try folderWithInput()
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("out.json").path,
                                                   withDestinationPath: "target.json")
        let result = try MHubRunner.run(["convert", "a.tsv", "-o", "out.json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fileType(directory.appendingPathComponent("out.json").path) == S_IFLNK)
        #expect(try Data(contentsOf: directory.appendingPathComponent("target.json")).first == UInt8(ascii: "{"))
    }

    @Test func keepsTheModeOfTheFileItReplaces() throws {
        let directory = try folderWithInput()
        let output = directory.appendingPathComponent("out.json").path
        #expect(FileManager.default.createFile(atPath: output, contents: Data("old".utf8), attributes: [.posixPermissions: 0o640]))
        let result = try MHubRunner.run(["convert", "a.tsv", "-o", "out.json"], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }

    @Test func aLongLegalNameIsWritten() throws {
        let directory = try folderWithInput()
        let name = String(repeating: "n", count: 250) + ".json"
        let result = try MHubRunner.run(["convert", "a.tsv", "-o", name], in: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try MHubRunner.listing(directory) == [name, "a.tsv"].sorted())
    }

    @Test(arguments: [(">/dev/full", "No space left on device"), (">&-", "standard output is closed")])
    func aFullOrClosedStandardOutputIsATypedFailure(_ redirect: String, _ reason: String) throws {
        let directory = try folderWithInput()
        let result = try MHubRunner.shell("\"$0\" convert a.tsv -o - --to mhub-json \(redirect)", in: directory,
                                          environment: ["TMPDIR": directory.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error [io]") && result.stderr.contains(reason), "\(result.stderr)")
        #expect(try MHubRunner.listing(directory) == ["a.tsv"], "the temporary file is removed")
    }

    @Test func aVanishedReaderIsATypedFailure() throws {
        let directory = try folderWithInput()
        let result = try MHubRunner.shell("\"$0\" convert a.tsv -o - --to mhub-json | head -c 1 >/dev/null; exit ${PIPESTATUS[0]}",
                                          in: directory, environment: ["TMPDIR": directory.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("Broken pipe"), "\(result.stderr)")
        #expect(try MHubRunner.listing(directory) == ["a.tsv"])
    }

    @Test(arguments: ["2>/dev/full", "2>&-"])
    func aFullOrClosedStandardErrorEndsInExitStatusOne(_ redirect: String) throws {
        let directory = try folderWithInput()
        // wide-tsv output warns about what it cannot carry, so something goes to standard error.
        let result = try MHubRunner.shell("\"$0\" convert a.tsv -o out.tsv --to wide-tsv \(redirect)", in: directory)
        #expect(result.status == 1)
    }

    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalRemovesTheTemporaryFile(_ signalNumber: Int32, _ expected: Int32) throws {
        let directory = try MHubRunner.scratchDirectory()
        var text = "taxon\t" + (0..<200).map { "S\($0)" }.joined(separator: "\t") + "\n"
        for taxon in 0..<2_000 {
            text += "k__Bacteria;p__P\(taxon % 7);g__G\(taxon)\t" + (0..<200).map { String(($0 * 7 + taxon) % 50) }.joined(separator: "\t") + "\n"
        }
        try Data(text.utf8).write(to: directory.appendingPathComponent("big.tsv"))
        let process = Process()
        process.executableURL = MHubRunner.executable
        process.arguments = ["convert", "big.tsv", "-o", "big.json"]
        process.currentDirectoryURL = directory
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        var sawTemporary = false
        while Date() < deadline, process.isRunning {
            if try MHubRunner.listing(directory).contains(where: { $0.hasPrefix(".big.json.mhub-") && $0.hasSuffix(".tmp") }) {
                sawTemporary = true
                break
            }
            usleep(5_000)
        }
        #expect(sawTemporary, "the export never started")
        kill(process.processIdentifier, signalNumber)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == expected)
        #expect(try MHubRunner.listing(directory) == ["big.tsv"])
    }
}
