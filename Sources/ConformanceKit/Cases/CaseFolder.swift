import Foundation

/// The cases found in one plugin's case folder, and what is wrong with the folder itself.
public struct CaseFolder: Sendable {
    /// The folder searched.
    public let directory: URL
    /// Whether the folder exists.
    public let exists: Bool
    /// `valid-*` cases, sorted by name.
    public let validCases: [ConformanceCase]
    /// `invalid-*` cases, sorted by name.
    public let invalidCases: [ConformanceCase]
    /// Files that do not make a complete case (an orphan golden, two inputs for one case).
    public let problems: [String]

    /// Reads the folder. Files that start with neither `valid-` nor `invalid-` are ignored,
    /// so a case folder can hold a README.
    public static func discover(in directory: URL) -> CaseFolder {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return CaseFolder(directory: directory, exists: false, validCases: [], invalidCases: [], problems: [])
        }
        var groups: [String: CaseFiles] = [:]
        for name in names.sorted() {
            guard let parsed = CaseFileName(name) else { continue }
            groups[parsed.caseID, default: CaseFiles(kind: parsed.kind, name: parsed.caseName)].add(parsed, name: name)
        }
        var valid: [ConformanceCase] = []
        var invalid: [ConformanceCase] = []
        var problems: [String] = []
        for id in groups.keys.sorted() {
            let files = groups[id]!
            switch files.resolve(in: directory) {
            case .success(let found):
                if found.kind == .valid { valid.append(found) } else { invalid.append(found) }
            case .failure(let problem):
                problems.append("\(id): \(problem.text)")
            }
        }
        return CaseFolder(directory: directory, exists: true, validCases: valid, invalidCases: invalid, problems: problems)
    }
}

/// A case file name taken apart: `valid-basic+taxonomy.tsv` is case `valid-basic`, companion
/// role `taxonomy`, suffix `tsv`.
private struct CaseFileName {
    var kind: ConformanceCase.Kind
    var caseName: String
    var role: String?
    var suffix: String

    var caseID: String { "\(kind.rawValue)-\(caseName)" }

    init?(_ fileName: String) {
        let kind: ConformanceCase.Kind
        let rest: Substring
        if fileName.hasPrefix("valid-") {
            kind = .valid
            rest = fileName.dropFirst("valid-".count)
        } else if fileName.hasPrefix("invalid-") {
            kind = .invalid
            rest = fileName.dropFirst("invalid-".count)
        } else {
            return nil
        }
        let stem = rest.prefix { $0 != "." }
        guard !stem.isEmpty else { return nil }
        self.kind = kind
        self.suffix = String(rest.dropFirst(stem.count + 1))
        if let plus = stem.firstIndex(of: "+") {
            caseName = String(stem[..<plus])
            role = String(stem[stem.index(after: plus)...])
        } else {
            caseName = String(stem)
            role = nil
        }
    }
}

/// The files gathered for one case id.
private struct CaseFiles {
    struct Problem: Error { var text: String }

    var kind: ConformanceCase.Kind
    var name: String
    var inputs: [String] = []
    var companions: [String: String] = [:]
    var hasGolden = false
    var hasExpectedError = false

    init(kind: ConformanceCase.Kind, name: String) {
        self.kind = kind
        self.name = name
    }

    mutating func add(_ parsed: CaseFileName, name fileName: String) {
        if let role = parsed.role {
            companions[role] = fileName
        } else if parsed.kind == .valid && parsed.suffix == "profile.json" {
            hasGolden = true
        } else if parsed.kind == .invalid && parsed.suffix == "error" {
            hasExpectedError = true
        } else {
            inputs.append(fileName)
        }
    }

    func resolve(in directory: URL) -> Result<ConformanceCase, Problem> {
        let id = "\(kind.rawValue)-\(name)"
        let input: String
        switch inputs.count {
        case 1:
            input = inputs[0]
        case 0 where hasGolden:
            // A profile JSON case is its own golden.
            input = "\(id).profile.json"
        case 0:
            let orphan = kind == .valid ? "\(id).profile.json" : "\(id).error"
            return .failure(Problem(text: "\(orphan) has no input file beside it"))
        default:
            return .failure(Problem(text: "several input files (\(inputs.joined(separator: ", "))); a case has one input, companions are named \(id)+<role>.<ext>"))
        }
        let companionURLs = companions.mapValues { directory.appendingPathComponent($0) }
        return .success(ConformanceCase(kind: kind, name: name, input: directory.appendingPathComponent(input),
                                        companions: companionURLs))
    }
}
