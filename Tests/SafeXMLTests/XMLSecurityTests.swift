import Glibc
import FormatKit
import Foundation
import SafeXML
import Testing

/// Hostile XML: each attack is refused with a typed error at its line, and nothing it points
/// at (a local file, a URL) is ever read.
@Suite struct XMLSecurityTests {
    /// Expects `text` to be refused as a forbidden construct on `line`; returns the events read before.
    private func expectForbidden(_ text: String, line: Int = 1) {
        let error = xmlError(text)
        guard case .forbidden(let location, _)? = error else {
            Issue.record("expected the DTD to be refused, got \(String(describing: error))")
            return
        }
        #expect(location.line == line)
        #expect(error?.importError.code == "unsupported")
    }

    @Test func anExternalEntityNamingALocalFileIsNeverRead() throws {
        let secret = try temporaryFile("TOP-SECRET-CONTENT", suffix: ".txt")
        defer { try? FileManager.default.removeItem(at: secret) }
        let text = """
        <?xml version="1.0"?>
        <!DOCTYPE r [<!ENTITY leak SYSTEM "\(secret.absoluteString)">]>
        <r>&leak;</r>
        """
        expectForbidden(text, line: 2)
        if case .success(let events) = xmlEvents(text) {
            #expect(!events.contains { if case .text(let value, _) = $0 { value.contains("TOP-SECRET") } else { false } })
        }
    }

    @Test func anExternalEntityOrDTDNamingAURLIsNeverFetched() throws {
        let server = try ListeningSocket()
        defer { server.close() }
        expectForbidden("""
        <!DOCTYPE r [<!ENTITY leak SYSTEM "http://127.0.0.1:\(server.port)/entity">]>
        <r>&leak;</r>
        """)
        expectForbidden("<!DOCTYPE r SYSTEM \"http://127.0.0.1:\(server.port)/schema.dtd\">\n<r/>")
        #expect(!server.hasPendingConnection, "the parser connected to the URL")
    }

    @Test func anExternalDTDIsNotLoaded() throws {
        let dtd = try temporaryFile("<!ENTITY marker \"LOADED-FROM-DTD\">", suffix: ".dtd")
        defer { try? FileManager.default.removeItem(at: dtd) }
        expectForbidden("<!DOCTYPE r SYSTEM \"\(dtd.absoluteString)\">\n<r>&marker;</r>")
    }

    @Test func billionLaughsIsRefused() {
        var text = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol0 \"lol\">\n"
        for level in 1...9 {
            text += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n"
        }
        text += "]>\n<lolz>&lol9;</lolz>\n"
        expectForbidden(text, line: 2)
    }

    @Test func quadraticBlowUpIsRefused() {
        let text = "<!DOCTYPE r [<!ENTITY a \"" + String(repeating: "a", count: 50_000) + "\">]>\n<r>"
            + String(repeating: "&a;", count: 20_000) + "</r>"
        expectForbidden(text)
    }

    @Test func deepNestingStopsAtTheDepthLimit() {
        let depth = 100_000
        let text = String(repeating: "<a>\n", count: depth) + String(repeating: "</a>", count: depth)
        let error = xmlError(text, limits: XMLLimits(maxDepth: 64))
        guard case .limitExceeded(let location, _)? = error else {
            Issue.record("expected the depth limit, got \(String(describing: error))")
            return
        }
        #expect(location.line == 65)
    }

    @Test func xIncludeIsNotProcessed() throws {
        let secret = try temporaryFile("INCLUDED-SECRET", suffix: ".txt")
        defer { try? FileManager.default.removeItem(at: secret) }
        let events = try xmlEvents("""
        <r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="\(secret.absoluteString)" parse="text"/></r>
        """).get()
        #expect(!events.contains { if case .text(let value, _) = $0 { value.contains("INCLUDED") } else { false } })
        #expect(events.contains { if case .start(let element) = $0 { element.name == "include" } else { false } })
    }
}

/// A TCP socket listening on a free port of 127.0.0.1, to prove that nothing connects to it.
private final class ListeningSocket {
    let descriptor: Int32
    let port: UInt16

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketError(step: "socket") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 8) == 0 else { throw SocketError(step: "bind/listen") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// Whether a client has connected (a non-blocking accept finds one waiting).
    var hasPendingConnection: Bool {
        let client = accept(descriptor, nil, nil)
        guard client >= 0 else { return false }
        Glibc.close(client)
        return true
    }

    func close() { Glibc.close(descriptor) }

    struct SocketError: Error { let step: String }
}
