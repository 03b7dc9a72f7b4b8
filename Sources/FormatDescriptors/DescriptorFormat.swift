#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FormatKit
import ProfileModel
import TabularKit

/// A plugin made from a ``Descriptor``: it detects by the descriptor's rules and reads with
/// the shared table engine, exactly like a compiled tabular plugin.
public struct DescriptorFormat: ProfileImporter {
    public let descriptor: Descriptor
    public let format: FormatDescription

    public init(_ descriptor: Descriptor) {
        self.descriptor = descriptor
        self.format = descriptor.formatDescription
    }

    /// Every rule the descriptor gives must hold. Confidence: 0.7, plus 0.15 for each content
    /// rule (header cells, line pattern), plus 0.02 for a matching file name; a file-name rule
    /// alone gives 0.5. The rules look at the text in the descriptor's declared encoding, as
    /// reading does.
    public func detect(_ input: InputPrefix) -> Detection {
        let rules = descriptor.detection
        guard rules.hasRules else { return .noMatch }
        let prefix = descriptor.layout.encoding.map { input.decoded(as: $0) } ?? input
        var reasons: [String] = []
        var contentRules = 0
        if let glob = rules.fileNamePattern {
            guard fnmatch(glob.lowercased(), prefix.fileName.lowercased(), 0) == 0 else { return .noMatch }
            reasons.append("file name matches \(glob)")
        }
        // A table's rules never look into a JSON document; a document descriptor's rules do.
        let skipsJSON = prefix.startsWithJSONContainer && descriptor.document == nil
        let lines = skipsJSON ? [] : Array(prefix.lines.prefix(max(rules.withinLines, 50)))
        if !rules.headerCells.isEmpty {
            guard containsHeader(rules.headerCells, in: lines) else { return .noMatch }
            contentRules += 1
            reasons.append("header has \(rules.headerCells.joined(separator: ", "))")
        }
        if let pattern = rules.linePattern {
            guard let regex = try? Regex(pattern),
                  lines.prefix(rules.withinLines).contains(where: { (try? regex.firstMatch(in: PatternSafety.subject($0))) != nil })
            else { return .noMatch }
            contentRules += 1
            reasons.append("a line matches /\(pattern)/")
        }
        let base = contentRules == 0 ? 0.5 : min(0.96, 0.7 + 0.15 * Double(contentRules))
        let confidence = base + (rules.fileNamePattern == nil ? 0 : 0.02)
        return .match(confidence: confidence, reason: "descriptor \(descriptor.origin): " + reasons.joined(separator: "; "))
    }

    /// Reads with the descriptor's layout; a descriptor that leaves the structure open takes
    /// it from `--option structure=…`.
    public func read(_ input: ImportInput, options: ImportOptions) throws(ImportError) -> ProfileTable {
        var layout = descriptor.layout
        if layout.structure == nil {
            layout.structure = try TableImportOptions.structure(options, format: format.id, input: input)
        }
        let importer = TableImporter(layout: layout)
        guard let document = descriptor.document else { return try importer.read(input, options: options) }
        let reader = DocumentRecordReader(layout: document, fields: layout.documentFieldPaths,
                                          valuePaths: layout.documentValuePaths)
        return try importer.read(try reader.read(input), input: input, options: options)
    }

    /// Whether one line, split with the descriptor's delimiter (or each candidate), holds every cell.
    private func containsHeader(_ cells: [String], in lines: [Substring]) -> Bool {
        let wanted = Set(cells.map(HeaderCells.normalized))
        let delimiters = descriptor.layout.dialect.delimiter.map { [$0] } ?? TableDialect.candidateDelimiters
        let quote = descriptor.layout.dialect.quotingDisabled ? nil : (descriptor.layout.dialect.quote ?? UInt8(ascii: "\""))
        for line in lines {
            // Only a line that holds every wanted text can hold every wanted cell: most lines are
            // ruled out without splitting them.
            let lowered = line.lowercased()
            guard wanted.allSatisfy({ lowered.contains($0) }) else { continue }
            for delimiter in delimiters {
                let present = Set(TextCells.split(String(line), delimiter: delimiter, quote: quote).map(HeaderCells.normalized))
                if wanted.isSubset(of: present) { return true }
            }
        }
        return false
    }
}
