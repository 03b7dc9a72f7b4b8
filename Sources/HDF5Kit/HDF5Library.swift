import CHDF5
import Foundation

/// Process-wide access to the HDF5 C library.
///
/// The serial HDF5 build is not thread-safe, so every call into it runs under one
/// recursive lock. The library's habit of printing its error stack to standard error is
/// switched off on entry (builds with thread-safety keep that setting per thread);
/// failures surface as ``HDF5Error`` instead.
enum HDF5Library {
    private static let lock = NSRecursiveLock()

    /// Runs `body` while holding the library lock, with automatic error printing off.
    static func locked<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        H5Eset_auto2(mhub_H5E_DEFAULT(), nil, nil)
        return try body()
    }
}
