import CHDF5
#if canImport(Glibc)
import Glibc
#endif

/// An open HDF5 file: opened read-only or created (truncating), closed on deinit.
///
/// Writers call ``close()`` to learn whether everything reached the disk.
public final class HDF5File {
    /// The file's path.
    public let path: String
    private var fileID: hid_t
    /// The root group `/`.
    public let root: HDF5Group

    private init(path: String, fileID: hid_t) throws(HDF5Error) {
        self.path = path
        self.fileID = fileID
        HDF5Library.locked { Self.keepFromChildProcesses(fileID) }
        do {
            root = try HDF5Library.locked { () throws(HDF5Error) -> HDF5Group in
                let group = H5Gopen2(fileID, "/", mhub_H5P_DEFAULT())
                guard group >= 0 else { throw .cannotOpen(file: path, reason: "the root group cannot be opened") }
                return HDF5Group(id: group, path: "/")
            }
        } catch {
            HDF5Library.locked { _ = H5Fclose(fileID) }
            throw error
        }
    }

    /// Marks the file's descriptor close-on-exec. HDF5 opens files without that flag, so a
    /// child process started meanwhile (by any thread) would inherit the descriptor, and with
    /// it HDF5's lock on the file: reopening the file then fails until the child exits.
    private static func keepFromChildProcesses(_ fileID: hid_t) {
        var handle: UnsafeMutableRawPointer?
        guard H5Fget_vfd_handle(fileID, mhub_H5P_DEFAULT(), &handle) >= 0, let handle else { return }
        let descriptor = handle.load(as: Int32.self)
        _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
    }

    /// Opens an existing file for reading.
    public static func open(readingFrom path: String) throws(HDF5Error) -> HDF5File {
        let fileID = HDF5Library.locked { H5Fopen(path, mhub_H5F_ACC_RDONLY(), mhub_H5P_DEFAULT()) }
        guard fileID >= 0 else {
            throw .cannotOpen(file: path, reason: "not an HDF5 file, or it cannot be read")
        }
        return try HDF5File(path: path, fileID: fileID)
    }

    /// Creates a file, replacing any file at `path`.
    ///
    /// The file is created without HDF5's advisory lock. HDF5 takes an exclusive `flock` on a
    /// file it creates, and a child process that another thread starts meanwhile holds a copy
    /// of the descriptor (and so the lock) until it execs, so reopening the finished file could
    /// fail at that moment. Files created here are new temporary outputs no other process reads
    /// while they are written; files opened for reading keep the shared lock.
    public static func create(at path: String) throws(HDF5Error) -> HDF5File {
        let fileID = HDF5Library.locked { () -> hid_t in
            let access = H5Pcreate(mhub_H5P_FILE_ACCESS())
            defer { if access >= 0 { H5Pclose(access) } }
            guard access >= 0, H5Pset_file_locking(access, false, true) >= 0 else { return -1 }
            return H5Fcreate(path, mhub_H5F_ACC_TRUNC(), mhub_H5P_DEFAULT(), access)
        }
        guard fileID >= 0 else { throw .cannotOpen(file: path, reason: "the file cannot be created") }
        return try HDF5File(path: path, fileID: fileID)
    }

    /// Flushes and closes the file; throws when the data could not be written.
    /// Objects still open from this file are flushed too, and closed when released.
    public func close() throws(HDF5Error) {
        guard fileID >= 0 else { return }
        let id = fileID
        fileID = -1
        let flushed = HDF5Library.locked { H5Fflush(id, H5F_SCOPE_GLOBAL) }
        let closed = HDF5Library.locked { H5Fclose(id) }
        guard flushed >= 0, closed >= 0 else { throw .writeFailed(path: path) }
    }

    deinit {
        if fileID >= 0 {
            let id = fileID
            HDF5Library.locked { _ = H5Fclose(id) }
        }
    }
}
