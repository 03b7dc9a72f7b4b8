/// Why a table transform could not be applied.
public enum TransformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Sample ids asked for that the table does not have.
    case unknownSamples([String])
    /// Tables to concatenate are in different units; convert them to one first.
    case unitMismatch([AbundanceUnit])
    /// Tables to concatenate mix leaves and clade-cumulative rows; convert them to leaves first.
    case structureMismatch
    /// The same sample id in two inputs (by input name), under a policy that forbids renaming.
    case duplicateSample(id: String, inputs: [String])
    /// Summing merged values overflowed.
    case nonFiniteSum(sample: String, taxon: String)
    /// A rank collapse target that has no place in rank order.
    case unrankedTarget
    /// A filter threshold outside its range.
    case invalidThreshold(name: String, value: Double)
    /// Nothing to concatenate.
    case noTables

    public var description: String {
        switch self {
        case .unknownSamples(let ids):
            let shown = ids.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
            return "the table has no sample \(shown)\(ids.count > 5 ? " (and \(ids.count - 5) more)" : "")"
        case .unitMismatch(let units):
            return "the tables are in different units (\(units.map(\.description).joined(separator: ", "))); convert them to one unit first"
        case .structureMismatch:
            return "the tables mix leaf and clade-cumulative rows; convert the cumulative ones to leaves first"
        case .duplicateSample(let id, let inputs):
            return "sample id '\(id)' occurs in \(inputs.joined(separator: " and ")); rename one or allow renaming duplicates"
        case .nonFiniteSum(let sample, let taxon):
            return "the merged value of sample '\(sample)', taxon '\(taxon)' is not a finite number"
        case .unrankedTarget:
            return "a table can be collapsed only to a rank (domain … strain), not to 'unranked'"
        case .invalidThreshold(let name, let value):
            return "\(name) \(NumberFormatting.shortest(value)) is out of range"
        case .noTables:
            return "there is no table to concatenate"
        }
    }
}
