// swift-tools-version:6.0
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode and explicit existentials.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "MicrobiomeHub",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "mhub", targets: ["mhub"]),
        .library(name: "ProfileModel", targets: ["ProfileModel"]),
        .library(name: "FormatKit", targets: ["FormatKit"]),
        .library(name: "ConformanceKit", targets: ["ConformanceKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // System libraries, each wrapped once by a small Swift module that owns the unsafe calls.
        .systemLibrary(name: "CSystemZlib", path: "Sources/CZlib", pkgConfig: "zlib",
                       providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CYAML", path: "Sources/CYAML", pkgConfig: "yaml-0.1",
                       providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0",
                       providers: [.apt(["libxml2-dev"])]),
        .systemLibrary(name: "CHDF5", path: "Sources/CHDF5", pkgConfig: "hdf5",
                       providers: [.apt(["libhdf5-dev"])]),

        // The engine.
        .target(name: "ProfileModel", path: "Sources/ProfileModel"),
        .target(name: "FormatKit", dependencies: ["ProfileModel", "CSystemZlib"], path: "Sources/FormatKit"),
        .target(name: "HDF5Kit", dependencies: ["CHDF5", "CSystemZlib"], path: "Sources/HDF5Kit"),
        .target(name: "StreamingJSON", dependencies: ["FormatKit", "ProfileModel"], path: "Sources/StreamingJSON"),
        .target(name: "SafeYAML", dependencies: ["CYAML", "FormatKit"], path: "Sources/SafeYAML"),
        .target(name: "SafeXML", dependencies: ["CLibXML2", "FormatKit"], path: "Sources/SafeXML"),
        .target(name: "TabularKit", dependencies: ["FormatKit", "ProfileModel"], path: "Sources/TabularKit"),
        .target(name: "FormatDescriptors",
                dependencies: ["FormatKit", "ProfileModel", "TabularKit", "SafeYAML", "SafeXML", "StreamingJSON"],
                path: "Sources/FormatDescriptors"),
        .target(name: "CProcessSpawn", path: "Sources/CProcessSpawn"),
        .target(name: "ProcessSupport", dependencies: ["CProcessSpawn"], path: "Sources/ProcessSupport"),
        .target(name: "Taxonomy", dependencies: ["ProfileModel"], path: "Sources/Taxonomy"),
        .target(name: "ExternalPlugins", dependencies: ["FormatKit", "ProfileModel", "ProcessSupport"],
                path: "Sources/ExternalPlugins"),
        .target(name: "ConformanceKit", dependencies: ["FormatKit", "ProfileModel", "ProcessSupport"],
                path: "Sources/ConformanceKit"),
        .target(name: "Analysis", dependencies: ["ProfileModel"], path: "Sources/Analysis",
                resources: [.copy("Data")]),

        // Format plugins: one target per format family.
        .target(name: "ProfileFormats", dependencies: ["FormatKit", "ProfileModel", "StreamingJSON"],
                path: "Plugins/ProfileFormats"),

        .target(name: "TabularFormats", dependencies: ["FormatKit", "ProfileModel", "TabularKit"],
                path: "Plugins/TabularFormats"),
        .target(name: "BIOMFormats", dependencies: ["FormatKit", "ProfileModel", "HDF5Kit", "StreamingJSON", "TabularKit"],
                path: "Plugins/BIOMFormats"),
        .target(name: "MothurFormats", dependencies: ["FormatKit", "ProfileModel", "TabularKit"],
                path: "Plugins/MothurFormats"),
        .target(name: "QIIME2Formats",
                dependencies: ["FormatKit", "ProfileModel", "BIOMFormats", "TabularKit", "SafeYAML",
                               .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Plugins/QIIME2Formats"),
        .target(name: "XMLFormats", dependencies: ["FormatKit", "ProfileModel", "ProfileFormats", "SafeXML"],
                path: "Plugins/XMLFormats"),
        .target(name: "YAMLFormats", dependencies: ["FormatKit", "ProfileModel", "ProfileFormats", "SafeYAML"],
                path: "Plugins/YAMLFormats"),

        .target(name: "KrakenFormats", dependencies: ["FormatKit", "ProfileModel", "TabularKit"],
                path: "Plugins/KrakenFormats"),
        .target(name: "MetaPhlAnFormats", dependencies: ["FormatKit", "ProfileModel", "TabularKit"],
                path: "Plugins/MetaPhlAnFormats"),
        .target(name: "ShotgunFormats", dependencies: ["FormatKit", "ProfileModel", "TabularKit"],
                path: "Plugins/ShotgunFormats"),

        // The one place that lists every built-in plugin.
        .target(name: "BuiltInFormats",
                dependencies: ["FormatKit", "ExternalPlugins", "ProfileFormats", "TabularFormats", "BIOMFormats",
                               "XMLFormats", "YAMLFormats", "FormatDescriptors", "KrakenFormats", "MetaPhlAnFormats",
                               "ShotgunFormats", "MothurFormats", "QIIME2Formats"],
                path: "Sources/BuiltInFormats"),

        .executableTarget(
            name: "mhub",
            dependencies: [
                "Analysis", "BuiltInFormats", "ConformanceKit", "ExternalPlugins", "FormatDescriptors", "FormatKit", "ProfileModel",
                "TabularKit", "Taxonomy", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/mhub"),

        // The fuzz target for every importer: a mutation harness, or libFuzzer's (scripts/fuzz).
        .executableTarget(name: "mhub-fuzz", dependencies: ["BuiltInFormats", "FormatKit"], path: "Sources/mhub-fuzz"),

        // Tests.
        .testTarget(name: "ProfileModelTests", dependencies: ["ProfileModel"],
                    path: "Tests/ProfileModelTests"),
        .testTarget(name: "TaxonomyTests", dependencies: ["Taxonomy", "ProfileModel"], path: "Tests/TaxonomyTests",
                    exclude: ["Fixtures"]),
        .testTarget(name: "FormatKitTests", dependencies: ["FormatKit"],
                    path: "Tests/FormatKitTests"),
        .testTarget(name: "StreamingJSONTests", dependencies: ["StreamingJSON"],
                    path: "Tests/StreamingJSONTests"),
        .testTarget(name: "HDF5KitTests", dependencies: ["HDF5Kit"], path: "Tests/HDF5KitTests",
                    exclude: ["Fixtures"]),
        .testTarget(name: "BIOMFormatsTests", dependencies: ["BIOMFormats", "HDF5Kit"],
                    path: "Tests/BIOMFormatsTests"),
        // What the interop test targets share: the peers' Python, the built mhub, child processes.
        .target(name: "InteropTestSupport", path: "Tests/InteropTestSupport"),
        .testTarget(name: "BIOMInteropTests", dependencies: ["mhub", "InteropTestSupport"], path: "Tests/BIOMInteropTests",
                    exclude: ["Peer"]),
        .testTarget(name: "SafeYAMLTests", dependencies: ["SafeYAML"], path: "Tests/SafeYAMLTests"),
        .testTarget(name: "SafeXMLTests", dependencies: ["SafeXML", "FormatKit"], path: "Tests/SafeXMLTests"),
        .testTarget(name: "DocumentFormatsTests",
                    dependencies: ["XMLFormats", "YAMLFormats", "ProfileFormats", "SafeXML", "SafeYAML", "BuiltInFormats",
                                   "FormatDescriptors", "FormatKit", "ProfileModel"],
                    path: "Tests/DocumentFormatsTests"),
        .testTarget(name: "TabularFormatsTests",
                    dependencies: ["TabularKit", "TabularFormats", "FormatDescriptors", "BuiltInFormats", "ConformanceKit",
                                   "FormatKit", "ProfileModel"],
                    path: "Tests/TabularFormatsTests"),
        .testTarget(name: "PluginTests", dependencies: ["BuiltInFormats", "ConformanceKit", "KrakenFormats",
                                                     "MetaPhlAnFormats", "ShotgunFormats"],
                    path: "Tests/PluginTests"),
        .testTarget(name: "AmpliconFormatsTests",
                    dependencies: ["MothurFormats", "QIIME2Formats", "BIOMFormats", "TabularKit", "BuiltInFormats",
                                   "FormatKit", "ProfileModel"],
                    path: "Tests/AmpliconFormatsTests"),
        .testTarget(name: "CLITests", dependencies: ["mhub", "mhub-fuzz"], path: "Tests/CLITests"),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "ProfileModel"], path: "Tests/AnalysisTests"),
        .testTarget(name: "AnalysisInteropTests", dependencies: ["mhub", "InteropTestSupport"], path: "Tests/AnalysisInteropTests",
                    exclude: ["Peer"]),
        // Deliberately broken plugins, and a worker that runs them in a child process so that
        // a crashing plugin can be shown to fail the kit without taking the test run down.
        .target(name: "ConformanceFixtures", dependencies: ["ConformanceKit", "FormatKit"],
                path: "Tests/ConformanceFixtures/Plugins"),
        .executableTarget(name: "conformance-fixture-worker", dependencies: ["ConformanceFixtures", "ConformanceKit"],
                          path: "Tests/ConformanceFixtures/Worker"),
        .testTarget(name: "ConformanceTests",
                    dependencies: ["BuiltInFormats", "ConformanceKit", "ConformanceFixtures", "ExternalPlugins",
                                   "FormatDescriptors", "ProcessSupport", "conformance-fixture-worker"],
                    path: "Tests/ConformanceTests"),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + swiftSettings
}
