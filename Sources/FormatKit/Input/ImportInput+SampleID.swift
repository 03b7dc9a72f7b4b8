extension ImportInput {
    /// The file name without its folder, a `.gz` suffix and one extension: the sample id
    /// single-sample reports get when neither the file nor `--sample-id` names one.
    public var fileStem: String {
        var name = name.split(separator: "/").last.map(String.init) ?? name
        if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        return name
    }

    /// The id of the one sample of a single-sample report: `--sample-id` when given, else
    /// `named` (the id the file itself gives) when not empty, else the ``fileStem``.
    public func singleSampleID(_ options: ImportOptions, named: String? = nil) -> String {
        if let id = options.sampleID, !id.isEmpty { return id }
        if let named, !named.isEmpty { return named }
        return fileStem
    }
}
