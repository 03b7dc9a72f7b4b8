import FormatDescriptors
import FormatKit
import Foundation
import ProfileModel
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
