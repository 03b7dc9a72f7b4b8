import Foundation
import FormatKit

/// Finds descriptors: the built-in ones embedded in the binary, and users' own in folders.
public enum DescriptorCatalog {
    /// The built-in descriptor files as embedded: paths below `Formats/descriptors/` and their text.
    public static var builtInFiles: [(path: String, text: String)] { EmbeddedDescriptors.files }

    /// The built-in descriptors, parsed from the copies embedded at build time (so that an
    /// installed `mhub` works without the source tree).
    public static func builtIn() -> (descriptors: [Descriptor], errors: [DescriptorError]) {
        var descriptors: [Descriptor] = []
        var errors: [DescriptorError] = []
        for file in EmbeddedDescriptors.files {
            do throws(DescriptorError) {
                descriptors.append(try DescriptorLoader.load(Array(file.text.utf8), file: "Formats/descriptors/\(file.path)",
                                                             origin: "builtin:\(file.path)"))
            } catch {
                errors.append(error)
            }
        }
        return (descriptors, errors)
    }

    /// Every `*.yaml` and `*.yml` file under `directory` (recursively, in path order), with
    /// each broken file's problems collected rather than stopping at the first.
    public static func load(directory: String) -> (descriptors: [Descriptor], errors: [DescriptorError]) {
        let root = URL(fileURLWithPath: directory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return ([], [.unreadable(file: directory, reason: "not a folder")])
        }
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var paths: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if ["yaml", "yml"].contains(url.pathExtension.lowercased()) { paths.append(url.path) }
        }
        var descriptors: [Descriptor] = []
        var errors: [DescriptorError] = []
        for path in paths.sorted() {
            do throws(DescriptorError) {
                descriptors.append(try load(file: path))
            } catch {
                errors.append(error)
            }
        }
        return (descriptors, errors)
    }

    /// One descriptor file, with every problem in it reported together.
    public static func load(file path: String) throws(DescriptorError) -> Descriptor {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(file: path, reason: "no such file")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(file: path, reason: isDirectory.boolValue ? "a folder, not a descriptor file" : "cannot read the file")
        }
        return try DescriptorLoader.load(Array(data), file: path)
    }
}
