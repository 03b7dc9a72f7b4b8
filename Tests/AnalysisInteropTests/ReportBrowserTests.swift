import Foundation
import InteropTestSupport
import Testing

/// `mhub report` end to end: the page is written, is self-contained, and renders in headless
/// Chromium with no console message and no network request. A deliberately bad page checks
/// that both detectors do fire.
@Suite("HTML report in headless Chromium", .serialized)
struct ReportBrowserTests {
    static let corpusTable = "biom1_json/phyloseq_SILVA_OTU_table.biom"

    @Test("the report renders offline with no console message and no request")
    func reportRendersCleanly() throws {
        let input = PeerTools.corpus.appendingPathComponent(Self.corpusTable).path
        try #require(FileManager.default.fileExists(atPath: input), "corpus file missing: \(input)")
        let page = PeerTools.scratch.appendingPathComponent("report.html")
        _ = try PeerTools.run(try PeerTools.mhub(), ["report", input, "-o", page.path])
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<svg"), "the report has SVG charts")
        #expect(html.contains("Deng et al. 2018"), "the gut-skin panel carries its citations")
        #expect(Browser.externalReferences(in: html).isEmpty, "references: \(Browser.externalReferences(in: html))")
        let visit = try Browser.visit(page)
        #expect(visit.consoleMessages.isEmpty, "console: \(visit.consoleMessages)")
        #expect(visit.pageRequests.isEmpty, "requests: \(visit.pageRequests)")
        #expect(visit.screenshotBytes > 10_000, "the screenshot shows a rendered page")
    }

    @Test("the detectors catch a page that logs and loads")
    func detectorsFire() throws {
        let page = PeerTools.scratch.appendingPathComponent("bad.html")
        try #"<!DOCTYPE html><html><body><img src="http://example.invalid/x.png"><script>console.error("boom")</script></body></html>"#
            .write(to: page, atomically: true, encoding: .utf8)
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!Browser.externalReferences(in: html).isEmpty)
        let visit = try Browser.visit(page)
        #expect(visit.consoleMessages.count == 1)
        #expect(visit.pageRequests == ["http://example.invalid/x.png"])
    }
}

/// Headless Chromium (Debian's `chromium`; `scripts/install-test-browser` installs it).
enum Browser {
    struct Visit {
        var consoleMessages: [String]
        /// URLs the page asked for (the browser's own service requests are not the page's).
        var pageRequests: [String]
        var screenshotBytes: Int
    }

    /// Loading attributes and CSS that would reach outside the file.
    static func externalReferences(in html: String) -> [String] {
        let patterns = [#"(src|href)\s*=\s*["']?\s*(https?:|//)"#, #"url\(\s*["']?\s*(https?:|//)"#, #"@import"#, #"<link\b"#, #"<script\b"#]
        return patterns.flatMap { pattern in
            html.ranges(of: try! Regex(pattern).ignoresCase()).map { String(html[$0]) }
        }
    }

    /// Opens `page`, with every host name unresolvable, and reads the console and network logs.
    static func visit(_ page: URL) throws -> Visit {
        let chromium = try executable()
        let directory = PeerTools.scratch.appendingPathComponent("chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let netLog = directory.appendingPathComponent("net.json"), screenshot = directory.appendingPathComponent("page.png")
        let errors = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run",
            "--user-data-dir=\(directory.appendingPathComponent("profile").path)",
            "--enable-logging=stderr", "--v=0", "--host-resolver-rules=MAP * ~NOTFOUND",
            "--log-net-log=\(netLog.path)", "--window-size=1200,2400", "--screenshot=\(screenshot.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        process.waitUntilExit()
        let log = String(decoding: try Data(contentsOf: errors), as: UTF8.self)
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") }.map(String.init)
        let size = (try FileManager.default.attributesOfItem(atPath: screenshot.path)[.size] as? Int) ?? 0
        return Visit(consoleMessages: console, pageRequests: try pageRequests(in: netLog), screenshotBytes: size)
    }

    /// Requests sent with the page's user agent: the page's own loads, not the browser's
    /// services. Events of one request share a source id; its URL and headers come in different events.
    private static func pageRequests(in netLog: URL) throws -> [String] {
        struct Log: Decodable {
            struct Event: Decodable {
                let source: Source
                let params: Params?
            }
            struct Source: Decodable { let id: Int }
            struct Params: Decodable {
                let url: String?
                let request_headers: Headers?
            }
            struct Headers: Decodable { let headers: [String]? }
            let events: [Event]
        }
        let events = try JSONDecoder().decode(Log.self, from: Data(contentsOf: netLog)).events
        var urlOfSource: [Int: String] = [:]
        var pageSources = Set<Int>()
        for event in events {
            if let url = event.params?.url, urlOfSource[event.source.id] == nil { urlOfSource[event.source.id] = url }
            if event.params?.request_headers?.headers?.contains(where: { $0.contains("HeadlessChrome") }) == true {
                pageSources.insert(event.source.id)
            }
        }
        return Array(Set(pageSources.compactMap { urlOfSource[$0] })).sorted()
    }

    private static func executable() throws -> String {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        throw PeerSetupError(description: "chromium is not installed: run scripts/install-test-browser")
    }
}
