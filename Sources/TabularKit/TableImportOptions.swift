import FormatKit
import ProfileModel

/// Import settings every table layout can take, declared once for the compiled tabular
/// plugins and the descriptors alike.
public enum TableImportOptions {
    /// How the rows of a table are to be taken.
    public enum Structure: String, CaseIterable, Sendable {
        case leaves
        case cladeCumulative = "clade-cumulative"

        /// The model's structure.
        public var model: ProfileStructure { self == .leaves ? .leaves : .cladeCumulative }
    }

    /// `structure=leaves|clade-cumulative`; when not given, rows are leaves, with a
    /// `structure.nested-lineages` warning when their lineages nest.
    public static let structure = PluginOption.choice(
        "structure", of: Structure.self,
        help: "whether the rows are disjoint leaves or clade-cumulative (every rank summing to the total)")

    /// The structure `options` ask for, if any.
    public static func structure(_ options: ImportOptions, format: String,
                                 input: ImportInput) throws(ImportError) -> ProfileStructure? {
        do { return try options.choice(structure, as: Structure.self, format: format, direction: .import)?.model } catch {
            throw .invalidOption(input.location(), error)
        }
    }
}
