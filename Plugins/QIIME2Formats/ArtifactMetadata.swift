import FormatKit
import Foundation
import SafeYAML

/// What an artifact says about itself: `<uuid>/metadata.yaml` (read with ``YAMLReader``) and
/// `<uuid>/VERSION`.
///
/// From QIIME 2's "Anatomy of an Archive" and "Archive versions" pages
/// (https://develop.qiime2.org/en/latest/framework/explanations/archives.html): the archive
/// has one root folder named by the artifact's UUID; `metadata.yaml` repeats the `uuid` and
/// gives the semantic `type` and the directory `format`; `VERSION` is the line `QIIME 2`
/// followed by `archive: N` and `framework: X` lines.
/// ```
/// uuid: 21184fc9-6616-47d6-9ab8-725ccc742c44
/// type: FeatureTable[Frequency]
/// format: BIOMV210DirFmt
/// ```
struct ArtifactMetadata: Sendable, Hashable {
    var uuid: String
    var semanticType: String
    var directoryFormat: String?
    var archiveVersion: String?
    var frameworkVersion: String?
    /// The action that made the artifact, as `plugin action` (`dada2 denoise_single`), from
    /// `provenance/action/action.yaml`; `nil` for imported data and archives without provenance.
    var action: String?

    /// Reads both files of the artifact rooted at `root` (its UUID folder).
    init(archive: ArtifactArchive, root: String) throws(ImportError) {
        let path = root + "/metadata.yaml"
        let location = archive.input.location(path: path)
        let document: YAMLNode
        do {
            document = try YAMLReader.document(in: try archive.bytes(of: path), file: "\(archive.input.name) (\(path))")
        } catch let error as YAMLError {
            throw .syntax(location, reason: "metadata.yaml is not valid YAML: \(error)")
        } catch let error as ImportError {
            throw error
        } catch {
            throw .syntax(location, reason: "metadata.yaml cannot be read: \(error)")
        }
        func text(_ key: String) -> String? {
            guard let value = document[key]?.scalar?.value, !value.isEmpty, value != "null" else { return nil }
            return value
        }
        guard let uuid = text("uuid") else { throw .missingField(location, field: "uuid") }
        guard uuid == root else {
            throw .invalidValue(location, value: uuid, reason: "is not the artifact's root folder \(root)")
        }
        guard let type = text("type") else { throw .missingField(location, field: "type") }
        self.uuid = uuid
        self.semanticType = type
        self.directoryFormat = text("format")
        (archiveVersion, frameworkVersion) = try Self.version(archive: archive, root: root)
        action = try Self.action(archive: archive, root: root)
    }

    /// `plugin action` from the provenance's `action.yaml`, whose `plugin` is a `!ref` to
    /// `environment:plugins:NAME`; an import records no plugin.
    private static func action(archive: ArtifactArchive, root: String) throws(ImportError) -> String? {
        let path = root + "/provenance/action/action.yaml"
        guard archive.entries[path] != nil else { return nil }
        let document: YAMLNode
        do {
            document = try YAMLReader.document(in: try archive.bytes(of: path), file: "\(archive.input.name) (\(path))")
        } catch let error as ImportError {
            throw error
        } catch {
            throw .syntax(archive.input.location(path: path), reason: "the provenance's action.yaml is not valid YAML: \(error)")
        }
        guard let action = document["action"], let name = action["action"]?.scalar?.value else { return nil }
        let plugin = action["plugin"]?.scalar?.value.split(separator: ":").last.map(String.init)
        return [plugin, name].compactMap { $0 }.joined(separator: " ")
    }

    /// The archive and framework versions from `VERSION`, a `QIIME 2` line then `key: value` lines.
    private static func version(archive: ArtifactArchive, root: String) throws(ImportError) -> (String?, String?) {
        let path = root + "/VERSION"
        guard archive.entries[path] != nil else { throw .missingField(archive.input.location(path: path), field: "VERSION") }
        let lines = String(decoding: try archive.bytes(of: path), as: UTF8.self)
            .split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard lines.first == "QIIME 2" else {
            throw .syntax(archive.input.location(path: path), reason: "VERSION does not start with the line 'QIIME 2'")
        }
        var values: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            values[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return (values["archive"], values["framework"])
    }
}
