import Foundation
import Glibc
import ProcessSupport
import Testing

@Suite struct ChildProcessTests {
    /// A descriptor this process holds open without close-on-exec (as C libraries open their
    /// files) does not reach the child: only standard input, output and error do.
    @Test func theChildInheritsOnlyTheStandardStreams() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)").path
        let descriptor = open(path, O_CREAT | O_WRONLY, 0o600)
        try #require(descriptor >= 0)
        defer { close(descriptor); unlink(path) }
        let result = try ChildProcess.run(.init(executable: "/bin/sh",
                                                arguments: ["-c", "ls /proc/$$/fd"], timeLimit: 10))
        let inherited = String(decoding: result.output, as: UTF8.self).split(separator: "\n").compactMap { Int($0) }
        #expect(inherited.sorted() == [0, 1, 2])
        #expect(!inherited.contains(Int(descriptor)))
    }
}
