import Foundation
import HDF5Kit
import Testing

/// A fresh path in the temporary directory.
private func temporaryPath(_ name: String) -> String {
    FileManager.default.temporaryDirectory.appendingPathComponent("hdf5kit-\(UUID().uuidString)-\(name)").path
}

/// `Fixtures/h5py-layouts.h5` was written with h5py 3.16 (layouts HDF5Kit itself does not write):
/// ```
/// f.create_dataset('fixed', data=np.array([b'GG_OTU_1', b'OTU2', b''], dtype='S8'))
/// f.create_dataset('flags', data=np.array([True, False, True]))
/// f.create_dataset('uint16', data=np.array([1, 65535], dtype='uint16'))
/// f.create_dataset('float32', data=np.array([0.5, 2.25], dtype='float32'))
/// f.create_dataset('compound', data=np.zeros(2, dtype=[('a', 'i4'), ('b', 'f8')]))
/// f.attrs['ascii'] = np.bytes_(b'fixed attribute')
/// f.attrs['version'] = np.array([2, 1], dtype='int32')
/// ```
private let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/h5py-layouts.h5").path

@Suite("HDF5Kit")
struct HDF5KitTests {
    @Test func writesAndReadsEveryElementKindWithAttributes() throws {
        let path = temporaryPath("kinds.h5")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let file = try HDF5File.create(at: path)
            try file.root.setAttribute("title", .scalar("a table"))
            try file.root.setAttribute("shape", HDF5Array(.int64([3, 2])))
            let group = try file.root.createGroup("axis")
            try group.createDataset("ids", HDF5Array(.strings(["a", "β", ""])))
            try group.createDataset("counts", HDF5Array(.int32([1, -2, 3])))
            try group.createDataset("big", HDF5Array(.int64([Int64.max, 0])), compression: nil)
            try group.createDataset("values", HDF5Array(.float64([0.25, 1e-300])))
            try group.createDataset("flags", HDF5Array(.booleans([true, false])))
            let rows = try group.createDataset("rows", HDF5Array(.strings(["a", "b", "c", ""]), shape: [2, 2]))
            try rows.setAttribute("data_type", .scalar("list"))
            try group.createDataset("empty", HDF5Array(.float64([])))
            try file.close()
        }
        let file = try HDF5File.open(readingFrom: path)
        #expect(try file.root.attributeNames() == ["shape", "title"])
        #expect(try file.root.attribute("title") == .scalar("a table"))
        #expect(try file.root.attribute("shape") == HDF5Array(.int64([3, 2])))
        #expect(try file.root.memberNames() == ["axis"])
        #expect(file.root.contains("axis/ids"))
        #expect(!file.root.contains("axis/missing"))
        #expect(!file.root.contains("nothing/ids"))
        let group = try file.root.group("axis")
        #expect(try group.memberNames() == ["big", "counts", "empty", "flags", "ids", "rows", "values"])
        #expect(try group.dataset("ids").readStrings() == ["a", "β", ""])
        #expect(try group.dataset("counts").readInt32s() == [1, -2, 3])
        #expect(try group.dataset("counts").readDoubles() == [1, -2, 3])
        #expect(try group.dataset("big").readInt64s() == [Int64.max, 0])
        #expect(try group.dataset("values").read() == HDF5Array(.float64([0.25, 1e-300])))
        #expect(try group.dataset("flags").read() == HDF5Array(.booleans([true, false])))
        let rows = try file.root.dataset("axis/rows")
        #expect(rows.shape == [2, 2])
        #expect(try rows.read() == HDF5Array(.strings(["a", "b", "c", ""]), shape: [2, 2]))
        #expect(try rows.attribute("data_type") == .scalar("list"))
        let empty = try group.dataset("empty")
        #expect(empty.shape == [0] && empty.kind == .float)
        #expect(try empty.readDoubles() == [])
    }

    @Test func compressedChunksReadBackWhateverTheirNumberAndShape() throws {
        let path = temporaryPath("chunks.h5")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let integers = (0..<100_003).map { Int32(truncatingIfNeeded: $0 &* 2_654_435_761) }
        let matrix = (0..<(1_001 * 3)).map { Double($0) / 7 }
        let small = HDF5Compression(level: 6, shuffle: true, chunkBytes: 4096)
        do {
            let file = try HDF5File.create(at: path)
            try file.root.createDataset("integers", HDF5Array(.int32(integers)), compression: small)
            try file.root.createDataset("unshuffled", HDF5Array(.int32(integers)),
                                        compression: HDF5Compression(level: 1, shuffle: false, chunkBytes: 1000))
            try file.root.createDataset("matrix", HDF5Array(.float64(matrix), shape: [1_001, 3]), compression: small)
            try file.root.createDataset("vector", HDF5Array(.float64(matrix)), compression: small)
            try file.root.createDataset("flags", HDF5Array(.booleans([true, false, true])), compression: small)
            try file.close()
        }
        let file = try HDF5File.open(readingFrom: path)
        #expect(try file.root.dataset("integers").readInt32s() == integers)
        #expect(try file.root.dataset("unshuffled").readInt32s() == integers)
        // Read as stored (chunks inflated in parallel) and converted by HDF5 itself: the same values.
        #expect(try file.root.dataset("integers").readInt64s() == integers.map(Int64.init))
        #expect(try file.root.dataset("vector").readDoubles() == matrix)
        #expect(try file.root.dataset("matrix").read() == HDF5Array(.float64(matrix), shape: [1_001, 3]))
        #expect(try file.root.dataset("flags").read() == HDF5Array(.booleans([true, false, true])))
    }

    @Test func readsLayoutsOtherWritersUse() throws {
        let file = try HDF5File.open(readingFrom: fixture)
        #expect(try file.root.dataset("fixed").readStrings() == ["GG_OTU_1", "OTU2", ""])
        #expect(try file.root.dataset("flags").read() == HDF5Array(.booleans([true, false, true])))
        #expect(try file.root.dataset("uint16").readInt64s() == [1, 65535])
        #expect(try file.root.dataset("float32").readDoubles() == [0.5, 2.25])
        #expect(try file.root.attribute("ascii") == .scalar("fixed attribute"))
        #expect(try file.root.attribute("version") == HDF5Array(.int64([2, 1])))
        let compound = try file.root.dataset("compound")
        #expect(compound.kind == .other("compound"))
        #expect(throws: HDF5Error.wrongKind(path: "/compound", expected: "integer, float, string or boolean", found: "compound")) {
            try compound.read()
        }
    }

    /// `Fixtures/invalid-utf8.h5`, written with h5py 3.16:
    /// ```
    /// f.create_dataset('variable', data=np.array([b'ok', b'bad\xff'], dtype=h5py.string_dtype('utf-8')))
    /// f.create_dataset('fixed', data=np.array([b'ok', b'bad\xff'], dtype='S4'))
    /// ```
    @Test(arguments: ["variable", "fixed"])
    func stringsThatAreNotUTF8AreAnErrorNotARepair(_ name: String) throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/invalid-utf8.h5").path
        let file = try HDF5File.open(readingFrom: path)
        #expect(throws: HDF5Error.invalidText(path: "/\(name)", index: 1)) { try file.root.dataset(name).readStrings() }
    }

    @Test func errorsNameThePath() throws {
        let file = try HDF5File.open(readingFrom: fixture)
        #expect(throws: HDF5Error.missing(path: "/sample/matrix/data")) { try file.root.dataset("sample/matrix/data") }
        #expect(throws: HDF5Error.missing(path: "/@shape")) { try file.root.attribute("shape") }
        #expect(throws: HDF5Error.wrongKind(path: "/fixed", expected: "numeric", found: "string")) {
            try file.root.dataset("fixed").readDoubles()
        }
        #expect(throws: HDF5Error.wrongKind(path: "/float32", expected: "integer", found: "float")) {
            try file.root.dataset("float32").readInt32s()
        }
        #expect(throws: HDF5Error.wrongKind(path: "/fixed", expected: "group", found: "dataset")) {
            try file.root.group("fixed")
        }
        #expect(throws: HDF5Error.limitExceeded(path: "/uint16", limit: "1 elements")) {
            try file.root.dataset("uint16").readInt64s(maxElements: 1)
        }
    }

    /// A child process started while a file is open must not inherit its descriptor: with it
    /// the child would also hold HDF5's lock on the file, and reopening the file would fail
    /// until the child exited (seen as a flaky test while other tests started processes).
    /// The child is started with a bare `posix_spawn`, which closes nothing on its own.
    @Test func aChildStartedWhileAFileIsOpenHoldsNeitherItsDescriptorNorItsLock() throws {
        let path = temporaryPath("inherited.h5")
        defer { try? FileManager.default.removeItem(atPath: path) }
        var child: pid_t = 0
        do {
            let file = try HDF5File.create(at: path)
            try file.root.createDataset("values", HDF5Array(.int32([1, 2, 3])))
            let arguments: [UnsafeMutablePointer<CChar>?] = [strdup("/bin/sleep"), strdup("5"), nil]
            defer { arguments.forEach { free($0) } }
            #expect(posix_spawn(&child, "/bin/sleep", nil, nil, arguments, environ) == 0)
            try file.close()
        }
        defer {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        let file = try HDF5File.open(readingFrom: path)
        #expect(try file.root.dataset("values").readInt32s() == [1, 2, 3])
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(child)/fd")
        let inherited = descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(child)/fd/\($0)") }
        #expect(!inherited.contains(path))
    }

    @Test func refusesDatasetsThatDeclareFarMoreThanTheyStore() throws {
        // h5py: f.create_dataset('huge', shape=(400_000_000,), dtype='f8', chunks=(1_000_000,),
        // compression='gzip') with no data written: 3.2 GB declared, nothing stored.
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/declared-huge.h5").path
        let file = try HDF5File.open(readingFrom: path)
        #expect(throws: HDF5Error.limitExceeded(path: "/huge", limit: "400000000 elements declared but only 0 bytes stored")) {
            try file.root.dataset("huge").readDoubles()
        }
    }

    @Test func refusesWhatItCannotOpenOrStore() throws {
        let empty = temporaryPath("empty.h5")
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: HDF5Error.cannotOpen(file: empty, reason: "not an HDF5 file, or it cannot be read")) {
            try HDF5File.open(readingFrom: empty)
        }
        #expect(throws: HDF5Error.cannotOpen(file: "/nonexistent/dir/x.h5", reason: "the file cannot be created")) {
            try HDF5File.create(at: "/nonexistent/dir/x.h5")
        }
        let path = temporaryPath("nul.h5")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try HDF5File.create(at: path)
        #expect(throws: HDF5Error.unrepresentable(path: "/ids", reason: "a string contains a NUL character")) {
            try file.root.createDataset("ids", HDF5Array(.strings(["a\u{0}b"])))
        }
        #expect(throws: HDF5Error.unrepresentable(path: "/a/b", reason: "a member name must be non-empty and contain no '/'")) {
            try file.root.createDataset("a/b", HDF5Array(.int32([1])))
        }
    }
}
