import FormatKit
import ProfileModel
import StreamingJSON

/// Reads profile JSON into a ``ProfileModel/ProfileTable`` as it streams past, checking
/// everything and failing at the exact line, column and JSON path of the first problem.
///
/// Keys may come in any order. In the order the writer uses, `samples` and `taxa` come
/// before `values`, so each sample's abundances are checked and handed to the builder as
/// they are read; when `values` comes first, its rows wait until both lists are known.
struct ProfileJSONDecoder {
    private typealias Key = ProfileJSONLayout.Key

    /// One sample's abundances as read, with where each came from.
    private struct ValueRow {
        var sampleID: String
        var position: JSONPosition
        var path: String
        var entries: [(taxon: Int64, value: Double, position: JSONPosition)] = []
    }

    private let file: String
    private let forcedUnit: AbundanceUnit?
    private var builder = ProfileTableBuilder(unit: .counts, structure: .leaves)
    private var keysSeen: Set<String> = []
    private var notes: [Diagnostic] = []
    private var samplesRead = false
    private var taxaRead = false
    private var waitingRows: [ValueRow] = []
    private var version: Int64?
    /// The first member that needs layout version 2, checked against the version at the end.
    private var versionTwoMember: (key: String, location: SourceLocation)?

    /// A decoder for the input named `file`; `forcedUnit` overrides the unit the file declares.
    init(file: String, forcedUnit: AbundanceUnit?) {
        self.file = file
        self.forcedUnit = forcedUnit
    }

    /// Reads the whole document.
    mutating func decode(_ reader: inout JSONReader) throws(JSONReadError) -> ProfileTable {
        let start = try reader.next()
        guard case .beginObject = start else {
            throw .input(.syntax(location(reader.tokenPosition, ""),
                                 reason: "a profile JSON document is an object, not \(start)"))
        }
        let documentStart = reader.tokenPosition
        while let key = try reader.nextKey() {
            let keyPosition = reader.tokenPosition
            guard keysSeen.insert(key).inserted else { throw .duplicateKey(key, at: keyPosition) }
            switch key {
            case Key.format: try readFormat(&reader)
            case Key.formatVersion: try readVersion(&reader)
            case Key.unit: builder.unit = try readUnit(&reader)
            case Key.structure: builder.structure = try readStructure(&reader)
            case Key.provenance: builder.provenance = try readProvenance(&reader)
            case Key.samples: try readSamples(&reader)
            case Key.taxa: try readTaxa(&reader)
            case Key.values: try readValues(&reader)
            case Key.notes: notes = try readNotes(&reader)
            default: throw unknownKey(key, keyPosition, reader.path, in: "a profile")
            }
        }
        try reader.expectEndOfInput()
        for field in Key.required where !keysSeen.contains(field) {
            throw .input(.missingField(location(documentStart, ""), field: field))
        }
        if version == 1, let member = versionTwoMember {
            throw .input(.unsupported(member.location, reason: "\"\(member.key)\" needs format_version 2; the file says 1"))
        }
        for row in waitingRows { try store(row) }
        if let forcedUnit { builder.unit = forcedUnit }
        var table: ProfileTable
        do throws(BuilderError) {
            table = try builder.build()
        } catch {
            throw .input(ImportError(error, at: SourceLocation(file: file, path: "/" + Key.values)))
        }
        // The notes are the table's diagnostics; findings of the build itself (fractional counts)
        // are added only when the notes do not already hold them, so a round trip keeps the list.
        table.diagnostics = notes + table.diagnostics.filter { !notes.contains($0) }
        return table
    }

    // MARK: - Header

    private func readFormat(_ reader: inout JSONReader) throws(JSONReadError) {
        let marker = try reader.readString()
        guard marker == ProfileJSONLayout.marker else {
            throw .input(.unsupported(location(reader.tokenPosition, reader.path),
                                      reason: "format is '\(marker)', not '\(ProfileJSONLayout.marker)'"))
        }
    }

    private mutating func readVersion(_ reader: inout JSONReader) throws(JSONReadError) {
        let version = try reader.readInt64()
        let readable = ProfileJSONLayout.readableVersions
        guard readable.contains(version) else {
            throw .input(.unsupported(location(reader.tokenPosition, reader.path),
                                      reason: "format_version \(version) is not supported; this build reads versions \(readable.lowerBound) to \(readable.upperBound)"))
        }
        self.version = version
    }

    /// Notes that `key` at the reader's position is a version 2 member.
    private mutating func noteVersionTwo(_ key: String, _ reader: borrowing JSONReader) {
        if versionTwoMember == nil { versionTwoMember = (key, location(reader.tokenPosition, reader.path)) }
    }

    private func readUnit(_ reader: inout JSONReader) throws(JSONReadError) -> AbundanceUnit {
        let name = try reader.readString()
        guard !name.isEmpty else {
            throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: name, reason: "is not a unit"))
        }
        return AbundanceUnit(wireName: name)
    }

    private func readStructure(_ reader: inout JSONReader) throws(JSONReadError) -> ProfileStructure {
        let name = try reader.readString()
        guard let structure = ProfileStructure(rawValue: name) else {
            throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: name,
                                       reason: "is not a structure (leaves, cladeCumulative)"))
        }
        return structure
    }

    // MARK: - Provenance and notes

    private mutating func readProvenance(_ reader: inout JSONReader) throws(JSONReadError) -> Provenance {
        typealias ProvenanceKey = ProfileJSONLayout.ProvenanceKey
        var provenance = Provenance()
        try readObject(&reader, kind: "provenance") { key, reader throws(JSONReadError) in
            switch key {
            case ProvenanceKey.source: provenance.source = SourceFacts(names: try readStringMap(&reader))
            case ProvenanceKey.steps: provenance.steps = try readSteps(&reader)
            default: return false
            }
            return true
        }
        return provenance
    }

    private func readSteps(_ reader: inout JSONReader) throws(JSONReadError) -> [ProvenanceStep] {
        typealias ProvenanceKey = ProfileJSONLayout.ProvenanceKey
        var steps: [ProvenanceStep] = []
        try reader.expectBeginArray()
        while try reader.nextElement() {
            var action: String?
            var step = ProvenanceStep(action: .import)
            let start = try readObject(&reader, kind: "a provenance step") { key, reader throws(JSONReadError) in
                switch key {
                case ProvenanceKey.action: action = try reader.readString()
                case ProvenanceKey.format: step.format = try reader.readString()
                case ProvenanceKey.parameters: step.parameters = try readStringMap(&reader)
                default: return false
                }
                return true
            }
            guard let action else { throw .input(.missingField(location(start, reader.path), field: ProvenanceKey.action)) }
            step.action = ProvenanceAction(name: action)
            steps.append(step)
        }
        return steps
    }

    private func readNotes(_ reader: inout JSONReader) throws(JSONReadError) -> [Diagnostic] {
        typealias NoteKey = ProfileJSONLayout.NoteKey
        var notes: [Diagnostic] = []
        try reader.expectBeginArray()
        while try reader.nextElement() {
            var code: String?, message: String?, severity: Diagnostic.Severity?
            var sample: String?, taxon: String?, noteLocation: String?
            let start = try readObject(&reader, kind: "a note") { key, reader throws(JSONReadError) in
                switch key {
                case NoteKey.code: code = try reader.readString()
                case NoteKey.message: message = try reader.readString()
                case NoteKey.sample: sample = try reader.readString()
                case NoteKey.taxon: taxon = try reader.readString()
                case NoteKey.location: noteLocation = try reader.readString()
                case NoteKey.severity:
                    let name = try reader.readString()
                    guard let parsed = Diagnostic.Severity(rawValue: name) else {
                        throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: name,
                                                   reason: "is not a severity (info, warning)"))
                    }
                    severity = parsed
                default: return false
                }
                return true
            }
            for (field, value) in [(NoteKey.code, code), (NoteKey.message, message), (NoteKey.severity, severity?.rawValue)]
            where value == nil {
                throw .input(.missingField(location(start, reader.path), field: field))
            }
            notes.append(Diagnostic(code: code!, severity: severity!, message: message!, sample: sample, taxon: taxon,
                                    location: noteLocation))
        }
        return notes
    }

    // MARK: - Samples and taxa

    private mutating func readSamples(_ reader: inout JSONReader) throws(JSONReadError) {
        typealias SampleKey = ProfileJSONLayout.SampleKey
        try reader.expectBeginArray()
        while try reader.nextElement() {
            var id: (text: String, position: JSONPosition, path: String)?
            var metadata: [String: MetadataValue] = [:]
            var source = SourceFacts()
            let start = try readObject(&reader, kind: "a sample") { key, reader throws(JSONReadError) in
                switch key {
                case SampleKey.id: id = (try reader.readString(), reader.tokenPosition, reader.path)
                case SampleKey.metadata: metadata = try readMetadata(&reader)
                case SampleKey.source:
                    noteVersionTwo(key, reader)
                    source = try readSampleSource(&reader)
                default: return false
                }
                return true
            }
            guard let id else { throw .input(.missingField(location(start, reader.path), field: SampleKey.id)) }
            do throws(BuilderError) {
                try builder.addSample(Sample(id: id.text, metadata: metadata, source: source))
            } catch {
                throw .input(ImportError(error, at: location(id.position, id.path)))
            }
        }
        samplesRead = true
    }

    private mutating func readTaxa(_ reader: inout JSONReader) throws(JSONReadError) {
        typealias TaxonKey = ProfileJSONLayout.TaxonKey
        try reader.expectBeginArray()
        while try reader.nextElement() {
            var id: (text: String, position: JSONPosition, path: String)?
            var label: String?
            var release: (text: String, position: JSONPosition, path: String)?
            var taxon = Taxon(id: "", label: "")
            let start = try readObject(&reader, kind: "a taxon") { key, reader throws(JSONReadError) in
                switch key {
                case TaxonKey.id: id = (try reader.readString(), reader.tokenPosition, reader.path)
                case TaxonKey.label: label = try reader.readString()
                case TaxonKey.lineage: taxon.lineage = try readLineage(&reader)
                case TaxonKey.metadata: taxon.metadata = try readMetadata(&reader)
                case TaxonKey.origins:
                    noteVersionTwo(key, reader)
                    taxon.origins = try readOrigins(&reader)
                case TaxonKey.taxonIDRelease:
                    noteVersionTwo(key, reader)
                    release = (try reader.readString(), reader.tokenPosition, reader.path)
                case TaxonKey.taxonID:
                    let text = try reader.readString()
                    guard let taxonID = TaxonID(text) else {
                        throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: text,
                                                   reason: "is not a taxon id of the form system:value"))
                    }
                    taxon.taxonID = taxonID
                default: return false
                }
                return true
            }
            guard let id else { throw .input(.missingField(location(start, reader.path), field: TaxonKey.id)) }
            guard let label else { throw .input(.missingField(location(start, reader.path), field: TaxonKey.label)) }
            if let release {
                guard taxon.taxonID != nil else {
                    throw .input(.invalidValue(location(release.position, release.path), value: release.text,
                                               reason: "is a taxonomy release for a taxon without taxon_id"))
                }
                taxon.taxonID?.release = release.text
            }
            taxon.id = id.text
            taxon.label = label
            do throws(BuilderError) {
                try builder.addTaxon(taxon)
            } catch {
                throw .input(ImportError(error, at: location(id.position, id.path)))
            }
        }
        taxaRead = true
    }

    private mutating func readLineage(_ reader: inout JSONReader) throws(JSONReadError) -> Lineage {
        try reader.expectBeginArray()
        let start = reader.tokenPosition
        let path = reader.path
        var entries: [LineageEntry] = []
        while try reader.nextElement() {
            try reader.expectBeginArray()
            let rankName = try reader.readString()
            guard let rank = Rank(rawValue: rankName) else {
                let ranks = Rank.allCases.map(\.rawValue).joined(separator: ", ")
                throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: rankName,
                                           reason: "is not a rank (\(ranks))"))
            }
            let name = try reader.readString()
            var levelID: String?
            if try reader.nextElement() {
                noteVersionTwo("lineage level id", reader)
                levelID = try reader.readString()
                try reader.expectEndArray()
            }
            entries.append(LineageEntry(rank: rank, name: name, id: levelID))
        }
        guard let lineage = Lineage(entries) else {
            throw .input(.invalidValue(location(start, path), value: entries.map(\.rank.rawValue).joined(separator: ";"),
                                       reason: "lists ranks out of order or twice"))
        }
        return lineage
    }

    /// A sample's own source facts: only the facts that describe a sample's origin.
    private func readSampleSource(_ reader: inout JSONReader) throws(JSONReadError) -> SourceFacts {
        var source = SourceFacts()
        try readObject(&reader, kind: "a sample source", allowingAnyKey: true) { key, reader throws(JSONReadError) in
            let sourceKey = SourceKey(name: key)
            guard sourceKey.isSampleFact else {
                let allowed = SourceKey.sampleFacts.map(\.rawValue).joined(separator: ", ")
                throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: key,
                                           reason: "is not a sample source fact (\(allowed))"))
            }
            source[sourceKey] = try reader.readString()
            return true
        }
        return source
    }

    private func readOrigins(_ reader: inout JSONReader) throws(JSONReadError) -> [TaxonOrigin] {
        typealias OriginKey = ProfileJSONLayout.OriginKey
        var origins: [TaxonOrigin] = []
        try reader.expectBeginArray()
        while try reader.nextElement() {
            var label: String?
            var input: String?
            let start = try readObject(&reader, kind: "a taxon origin") { key, reader throws(JSONReadError) in
                switch key {
                case OriginKey.label: label = try reader.readString()
                case OriginKey.input: input = try reader.readString()
                default: return false
                }
                return true
            }
            guard let label else { throw .input(.missingField(location(start, reader.path), field: OriginKey.label)) }
            origins.append(TaxonOrigin(label: label, input: input))
        }
        return origins
    }

    private func readMetadata(_ reader: inout JSONReader) throws(JSONReadError) -> [String: MetadataValue] {
        var metadata: [String: MetadataValue] = [:]
        try readObject(&reader, kind: "metadata", allowingAnyKey: true) { key, reader throws(JSONReadError) in
            let value = try reader.readValue()
            do throws(ProfileJSONMetadata.Rejection) {
                metadata[key] = try ProfileJSONMetadata.value(from: value)
            } catch {
                throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: error.value, reason: error.reason))
            }
            return true
        }
        return metadata
    }

    // MARK: - Values

    private mutating func readValues(_ reader: inout JSONReader) throws(JSONReadError) {
        var sampleIDsSeen: Set<String> = []
        try reader.expectBeginObject()
        while let sampleID = try reader.nextKey() {
            var row = ValueRow(sampleID: sampleID, position: reader.tokenPosition, path: reader.path)
            guard sampleIDsSeen.insert(sampleID).inserted else {
                throw .input(.duplicateSample(location(row.position, row.path), id: sampleID))
            }
            try reader.expectBeginArray()
            while try reader.nextElement() {
                try reader.expectBeginArray()
                let entryPosition = reader.tokenPosition
                let index = try reader.readNumber()
                guard index.isIntegerLiteral else {
                    throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: index.text,
                                               reason: "is not a taxon index (a non-negative integer)"))
                }
                guard let taxon = index.int64, taxon >= 0 else {
                    throw .input(.shapeMismatch(location(reader.tokenPosition, reader.path),
                                                reason: "taxon index \(index.text) is outside the table"))
                }
                let value = try reader.readNumber()
                guard value.double >= 0 else {
                    throw .input(.invalidValue(location(reader.tokenPosition, reader.path), value: value.text,
                                               reason: "is negative; abundances must be zero or more"))
                }
                try reader.expectEndArray()
                row.entries.append((taxon, value.double, entryPosition))
            }
            if samplesRead && taxaRead { try store(row) } else { waitingRows.append(row) }
        }
    }

    /// Checks a row against the samples and taxa and hands it to the builder.
    private mutating func store(_ row: ValueRow) throws(JSONReadError) {
        guard let sample = builder.sampleIndex(id: row.sampleID) else {
            throw .input(.shapeMismatch(location(row.position, row.path),
                                        reason: "values are given for sample '\(row.sampleID)', which is not in samples"))
        }
        let ascending = zip(row.entries, row.entries.dropFirst()).allSatisfy { $0.taxon < $1.taxon }
        var taxaSeen: Set<Int64> = []
        for (offset, entry) in row.entries.enumerated() {
            let path = "\(row.path)/\(offset)"
            guard entry.taxon < builder.taxonCount else {
                throw .input(.shapeMismatch(location(entry.position, path),
                                            reason: "taxon index \(entry.taxon) is outside the \(builder.taxonCount) taxa"))
            }
            if !ascending, !taxaSeen.insert(entry.taxon).inserted {
                throw .input(.duplicateTaxon(location(entry.position, path),
                                             id: "\(builder.taxon(at: Int(entry.taxon)).id)' in sample '\(row.sampleID)"))
            }
            do throws(BuilderError) {
                try builder.setValue(entry.value, sample: sample, taxon: Int(entry.taxon))
            } catch {
                throw .input(ImportError(error, at: location(entry.position, path)))
            }
        }
    }

    // MARK: - Helpers

    /// Reads an object whose members `member` handles (returning `false` for a key it does
    /// not know, which is an error unless `allowingAnyKey`); rejects repeated keys. Returns
    /// where the object starts.
    @discardableResult
    private func readObject(_ reader: inout JSONReader, kind: String, allowingAnyKey: Bool = false,
                            _ member: (String, inout JSONReader) throws(JSONReadError) -> Bool) throws(JSONReadError) -> JSONPosition {
        try reader.expectBeginObject()
        let start = reader.tokenPosition
        var keys: Set<String> = []
        while let key = try reader.nextKey() {
            let keyPosition = reader.tokenPosition
            guard keys.insert(key).inserted else { throw .duplicateKey(key, at: keyPosition) }
            guard try member(key, &reader) || allowingAnyKey else { throw unknownKey(key, keyPosition, reader.path, in: kind) }
        }
        return start
    }

    private func readStringMap(_ reader: inout JSONReader) throws(JSONReadError) -> [String: String] {
        var map: [String: String] = [:]
        try readObject(&reader, kind: "a string map", allowingAnyKey: true) { key, reader throws(JSONReadError) in
            map[key] = try reader.readString()
            return true
        }
        return map
    }

    private func unknownKey(_ key: String, _ position: JSONPosition, _ path: String, in kind: String) -> JSONReadError {
        .input(.syntax(location(position, path),
                       reason: "unknown key \"\(key)\" in \(kind) (profile JSON format_version \(ProfileJSONLayout.version))"))
    }

    private func location(_ position: JSONPosition, _ path: String) -> SourceLocation {
        SourceLocation(file: file, line: position.line, column: position.column, path: path.isEmpty ? nil : path,
                       byteOffset: position.offset)
    }
}
