import FormatDescriptors
import FormatKit
import Foundation
import ProfileModel

/// Reads reports through descriptors given as text.
enum DescriptorSupport {
    static func plugin(_ descriptor: String) throws -> DescriptorFormat {
        DescriptorFormat(try DescriptorLoader.load(Array(descriptor.utf8), file: "test-descriptor.yaml"))
    }

    static func read(descriptor: String, report: String, name: String) throws -> Result<ProfileTable, ImportError> {
        let url = try DocumentTestSupport.scratch(name)
        try Data(report.utf8).write(to: url)
        let format = try plugin(descriptor)
        do throws(ImportError) {
            return .success(try format.read(ImportInput(url: url, name: name), options: ImportOptions()))
        } catch {
            return .failure(error)
        }
    }

    static func failure(descriptor: String, report: String, name: String) throws -> ImportError? {
        if case .failure(let error) = try read(descriptor: descriptor, report: report, name: name) { return error }
        return nil
    }
}
