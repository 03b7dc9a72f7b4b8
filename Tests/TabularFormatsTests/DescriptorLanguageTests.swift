import FormatDescriptors
import FormatKit
import Foundation
import ProfileModel
import TabularKit
import Testing

/// Descriptor keys that change how rows and values are read (issue 15, point 9).
@Suite struct DescriptorLanguageTests {
    /// A plugin made from descriptor text.
    static func format(_ yaml: String) throws -> DescriptorFormat {
        DescriptorFormat(try DescriptorLoader.load(Array(yaml.utf8), file: "test.yaml"))
    }

    static let germanLab = """
    descriptor: 1
    id: german-lab
    name: German lab report
    dialect: {delimiter: semicolon, decimal: comma}
    header: {find: [Taxon, Anteil]}
    sample: {file_name: true}
    columns: {taxon_name: Taxon, rank: Rang, abundance: Anteil}
    unclassified: [nicht klassifiziert, non classé, "-"]
    unit: percent

    """

    @Test func anUnclassifiedValueMakesTheRowTheUnclassifiedMass() throws {
        let report = "Taxon;Rang;Anteil\nBacteroides;genus;60,5\nNicht klassifiziert;;39,5\n"
        let table = try TableTestSupport.read(report, name: "p1.csv", with: Self.format(Self.germanLab))
        #expect(table.taxa.map(\.id) == ["Bacteroides", Taxon.unclassifiedID])
        #expect(table.taxa[1] == Taxon.unclassified(label: "Nicht klassifiziert"))
        #expect(table.value(sample: 0, taxon: 1) == 39.5)
    }

    @Test func aMissingTokenCanMarkTheUnclassifiedRow() throws {
        // `-` is also a missing-value token: declared as unclassified it names the row instead.
        let report = "Taxon;Rang;Anteil\nBacteroides;genus;70\n-;;30\n"
        let table = try TableTestSupport.read(report, name: "p1.csv", with: Self.format(Self.germanLab))
        #expect(table.taxa[1] == Taxon.unclassified(label: "-"))
        #expect(table.value(sample: 0, taxon: 1) == 30)
    }

    @Test func withoutTheKeyTheRowIsAnOrdinaryTaxon() throws {
        let yaml = Self.germanLab.replacingOccurrences(of: "unclassified: [nicht klassifiziert, non classé, \"-\"]\n", with: "")
        let table = try TableTestSupport.read("Taxon;Rang;Anteil\nBacteroides;genus;60,5\nnicht klassifiziert;;39,5\n",
                                              name: "p1.csv", with: Self.format(yaml))
        #expect(table.taxa[1].id == "nicht klassifiziert")
        #expect(!table.taxa.map(\.id).contains(Taxon.unclassifiedID))
    }

    @Test func theUnclassifiedRowsOfEverySampleOfALongTableAreOneTaxon() throws {
        let yaml = """
        descriptor: 1
        id: long-lab
        name: Long lab table
        dialect: {delimiter: tab}
        sample: {column: sample}
        columns: {taxon_name: taxon, abundance: reads}
        unclassified: unclassified
        unit: counts

        """
        let report = "sample\ttaxon\treads\nA\tBacteroides\t10\nA\tUnclassified\t5\nB\tunclassified\t7\n"
        let table = try TableTestSupport.read(report, name: "t.tsv", with: Self.format(yaml))
        #expect(table.taxa.map(\.id) == ["Bacteroides", Taxon.unclassifiedID])
        #expect(table.taxa[1].label == "Unclassified")
        #expect(table.value(sample: 1, taxon: 1) == 7)
    }

    @Test func anEmptyUnclassifiedListIsADescriptorProblem() throws {
        let yaml = Self.germanLab.replacingOccurrences(of: "[nicht klassifiziert, non classé, \"-\"]", with: "[]")
        #expect(throws: DescriptorError.self) { try Self.format(yaml) }
    }
}

/// Metadata dates in day-first and other layouts, and preamble numbers in the dialect's decimal mark.
@Suite struct DescriptorMetadataTypingTests {
    static func preambleLab(dates: String?) -> String {
        """
        descriptor: 1
        id: preamble-lab
        name: Preamble lab
        dialect: {delimiter: semicolon, decimal: comma}
        header: {find: [Taxon, Anteil]}
        preamble:
          metadata: {Datum: collected, Eingang: received, DNA: dna, Charge: batch}
        sample: {preamble: Probe}
        columns: {taxon_name: Taxon, abundance: Anteil}
        \(dates.map { "dates: \($0)\n" } ?? "")unit: percent

        """
    }

    static func metadata(dates: String?, datum: String, eingang: String = "2024-03-04") throws -> [String: MetadataValue] {
        let report = "Probe: P1\nDatum: \(datum)\nEingang: \(eingang)\nDNA: 3,5\nCharge: 12\n\nTaxon;Anteil\nBacteroides;100\n"
        let format = try DescriptorLanguageTests.format(preambleLab(dates: dates))
        return try TableTestSupport.read(report, name: "p.csv", with: format).samples[0].metadata
    }

    @Test func dottedDayFirstDatesAreDatesByDefault() throws {
        let metadata = try Self.metadata(dates: nil, datum: "01.03.2024")
        #expect(metadata["collected"] == .date("2024-03-01"))
        #expect(metadata["received"] == .date("2024-03-04"))
    }

    @Test func aDeclaredLayoutReadsSlashedDates() throws {
        #expect(try Self.metadata(dates: "DD/MM/YYYY", datum: "13/03/2024")["collected"] == .date("2024-03-13"))
        #expect(try Self.metadata(dates: "[MM/DD/YYYY]", datum: "3/13/2024")["collected"] == .date("2024-03-13"))
        // Without the declaration a slashed date is ambiguous and stays text.
        #expect(try Self.metadata(dates: nil, datum: "13/03/2024")["collected"] == .string("13/03/2024"))
    }

    @Test func impossibleDaysStayText() throws {
        #expect(try Self.metadata(dates: nil, datum: "30.02.2024")["collected"] == .string("30.02.2024"))
        #expect(try Self.metadata(dates: nil, datum: "29.02.2024")["collected"] == .date("2024-02-29"))
        #expect(try Self.metadata(dates: nil, datum: "29.02.2023")["collected"] == .string("29.02.2023"))
    }

    @Test func preambleNumbersUseTheDecimalComma() throws {
        let metadata = try Self.metadata(dates: nil, datum: "01.03.2024")
        #expect(metadata["dna"] == .number(3.5))
        #expect(metadata["batch"] == .integer(12))
    }

    @Test func anUnknownDateLayoutIsADescriptorProblem() throws {
        #expect(throws: DescriptorError.self) { try DescriptorLanguageTests.format(Self.preambleLab(dates: "DD MM YY")) }
    }

    @Test func dateLayoutsCheckTheirShape() {
        let dotted = DateLayout.defaults[0]
        #expect(dotted.isoDate("1.3.2024") == "2024-03-01")
        #expect(dotted.isoDate("01.03.24") == nil)
        #expect(dotted.isoDate("01.13.2024") == nil)
        #expect(dotted.isoDate("3.5") == nil)
        #expect(DateLayout.named["YYYY/MM/DD"]?.isoDate("2024/03/01") == "2024-03-01")
    }
}

/// Detection reads a report in the encoding its descriptor declares (issue 15, point 9).
@Suite struct DescriptorEncodingDetectionTests {
    static let yaml = """
    descriptor: 1
    id: utf16-lab
    name: UTF-16 lab
    dialect: {delimiter: tab, encoding: utf-16le}
    sample: {file_name: true}
    columns: {taxon_name: Taxon, abundance: Reads}
    detect:
      line_matches: {pattern: '^Lab export', within_lines: 1}
      header: [Taxon, Reads]

    """
    static let report = Array("Lab export\nTaxon\tReads\nBacteroides\t12\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })

    @Test func aBOMLessUTF16ReportIsRecognisedAndRead() throws {
        let format = try DescriptorLanguageTests.format(Self.yaml)
        let input = try ImportInput.bytes(Self.report, name: "s1.txt")
        guard case .match(let confidence, _, _) = format.detect(try input.prefix()) else {
            Issue.record("the declared encoding was not used for detection")
            return
        }
        #expect(confidence > 0.9)
        let table = try format.read(input, options: ImportOptions())
        #expect(table.taxa.map(\.id) == ["Bacteroides"])
        #expect(table.value(sample: 0, taxon: 0) == 12)
    }

    @Test func withoutTheDeclarationTheBytesDoNotMatch() throws {
        let format = try DescriptorLanguageTests.format(Self.yaml.replacingOccurrences(of: ", encoding: utf-16le", with: ""))
        #expect(format.detect(try ImportInput.bytes(Self.report, name: "s1.txt").prefix()) == .noMatch)
    }

    @Test func aDecodedPrefixKeepsTheRawBytes() throws {
        let prefix = try ImportInput.bytes(Self.report, name: "s1.txt").prefix()
        let decoded = prefix.decoded(as: .utf16LE)
        #expect(decoded.lines.map(String.init) == ["Lab export", "Taxon\tReads", "Bacteroides\t12"])
        #expect(decoded.bytes == prefix.bytes)
        #expect(decoded.isComplete)
    }
}

/// Percentages that cannot be right, read through a descriptor, are flagged (issue 15, point 9).
@Suite struct DescriptorPlausibilityTests {
    @Test func aLeafTableFarOver100PercentIsFlagged() throws {
        let format = try DescriptorLanguageTests.format("""
        descriptor: 1
        id: leaf-lab
        name: Leaf lab
        sample: {file_name: true}
        columns: {taxon_name: Organism, abundance: Pct}
        unit: percent
        structure: leaves

        """)
        let table = try TableTestSupport.read("Organism,Pct\nBacteroides,80\nPrevotella,90\nRuminococcus,70\n",
                                              name: "s1.csv", with: format)
        #expect(table.diagnostics.map(\.code) == [DiagnosticCode.sumOverWhole.rawValue])
        let plausible = try TableTestSupport.read("Organism,Pct\nBacteroides,80\nPrevotella,20\n", name: "s1.csv", with: format)
        #expect(!plausible.diagnostics.contains { $0.code == DiagnosticCode.sumOverWhole.rawValue })
    }

    @Test func aDocumentFarOver100PercentIsFlaggedToo() throws {
        let format = try DescriptorLanguageTests.format("""
        descriptor: 1
        id: json-lab
        name: JSON lab
        document: {syntax: json, records: taxa}
        sample: {path: id}
        columns: {taxon_name: name, abundance: pct}
        unit: percent
        structure: leaves

        """)
        let json = #"{"id": "S1", "taxa": [{"name": "Bacteroides", "pct": 80}, {"name": "Prevotella", "pct": 95}]}"#
        let table = try TableTestSupport.read(json, name: "s1.json", with: format)
        #expect(table.diagnostics.map(\.code) == [DiagnosticCode.sumOverWhole.rawValue])
    }
}
