import FormatKit
import ProfileModel
import SafeXML

/// Writes a table as the Krona XML that KronaTools' `ktImportXML` turns into a chart: one
/// dataset per sample, the taxa arranged by lineage under a root node `all`, each node with
/// its magnitude per dataset (the sum over its subtree, as Krona requires a node to hold at
/// least its children), its rank and, when the taxon has one, its taxon id.
struct KronaXMLWriter {
    /// A node of the lineage tree, with its children by name in first-seen order.
    private final class Node {
        let name: String
        var rank: Rank = .unranked
        var taxonID: String?
        var children: [Node] = []
        var childIndex: [String: Int] = [:]
        /// The magnitudes of taxa placed on this node itself, per sample.
        var own: [Double]
        /// Whether a taxon is placed on this node (its value is then already cumulative
        /// in a clade-cumulative table).
        var holdsTaxon = false

        init(name: String, samples: Int) {
            self.name = name
            own = Array(repeating: 0, count: samples)
        }

        func child(_ name: String, samples: Int) -> Node {
            if let index = childIndex[name] { return children[index] }
            let node = Node(name: name, samples: samples)
            childIndex[name] = children.count
            children.append(node)
            return node
        }
    }

    let table: ProfileTable

    func write(to output: inout OutputSink) throws(ExportError) {
        let root = tree()
        let writer = try XMLWriter()
        try writer.startDocument()
        try writer.startElement("krona")
        try writer.attribute("collapse", "false")
        try writer.attribute("key", "true")
        try writer.startElement("attributes")
        try writer.attribute("magnitude", "magnitude")
        for (name, display) in [("magnitude", "Abundance"), ("rank", "Rank"), ("taxon", "Taxon ID")] {
            try writer.startElement("attribute")
            try writer.attribute("display", display)
            if name != "magnitude" { try writer.attribute("mono", "true") }
            try writer.text(name)
            try writer.endElement()
        }
        try writer.endElement()
        try writer.startElement("datasets")
        for sample in table.samples {
            try writer.startElement("dataset")
            try writer.text(sample.id)
            try writer.endElement()
        }
        try writer.endElement()
        _ = try write(root, isRoot: true, with: writer, output: &output)
        try writer.endDocument()
        try writer.drain(into: &output)
    }

    /// Writes a node and its subtree; returns the node's magnitudes.
    private func write(_ node: Node, isRoot: Bool, with writer: XMLWriter,
                       output: inout OutputSink) throws(ExportError) -> [Double] {
        try writer.startElement("node")
        try writer.attribute("name", node.name)
        let magnitudes = magnitudes(of: node)
        try values("magnitude", magnitudes.map(NumberFormatting.shortest), with: writer)
        if !isRoot {
            try values("rank", [node.rank == .unranked ? "no rank" : node.rank.rawValue], with: writer)
            if let taxonID = node.taxonID { try values("taxon", [taxonID], with: writer) }
        }
        for child in node.children { _ = try write(child, isRoot: false, with: writer, output: &output) }
        try writer.endElement()
        try writer.drain(into: &output)
        return magnitudes
    }

    /// One attribute of a node with a `<val>` per dataset, on one line as KronaTools writes it
    /// (its `ktImportKrona` reads charts back line by line).
    private func values(_ name: String, _ texts: [String], with writer: XMLWriter) throws(ExportError) {
        try writer.inlineElement(name) { () throws(ExportError) in
            for text in texts {
                try writer.startElement("val")
                try writer.text(text)
                try writer.endElement()
            }
        }
    }

    /// A node's magnitude per sample: in a clade-cumulative table the value of the taxon on
    /// the node when there is one, else the sum of its children; in a table of leaves, the
    /// node's own value plus its children's.
    private func magnitudes(of node: Node) -> [Double] {
        if table.structure == .cladeCumulative && node.holdsTaxon { return node.own }
        var total = node.own
        for child in node.children {
            for (sample, value) in magnitudes(of: child).enumerated() { total[sample] += value }
        }
        return total
    }

    /// The lineage tree: each taxon sits on the node of its named lineage entries (or of its
    /// label when it has no lineage).
    private func tree() -> Node {
        let samples = table.samples.count
        let root = Node(name: "all", samples: samples)
        var nodeOfTaxon: [Node] = []
        for taxon in table.taxa {
            let entries = taxon.lineage.named.isEmpty ? [LineageEntry(rank: .unranked, name: taxon.label)] : taxon.lineage.named
            var node = root
            for entry in entries {
                node = node.child(entry.name, samples: samples)
                node.rank = entry.rank
            }
            node.holdsTaxon = true
            if let taxonID = taxon.taxonID { node.taxonID = taxonID.value }
            nodeOfTaxon.append(node)
        }
        for sample in 0..<samples {
            for (taxon, value) in table.abundances.entries(ofSample: sample) { nodeOfTaxon[taxon].own[sample] += value }
        }
        return root
    }
}
