import CYAML

/// Why libyaml's emitter refused an event.
public struct YAMLEmitError: Error, Sendable, Equatable, CustomStringConvertible {
    public var reason: String
    public var description: String { "YAML emitter: \(reason)" }
}

/// Writes one YAML document with libyaml's emitter (its event API): UTF-8, two-space
/// indentation, no line wrapping, block style unless a collection asks for flow style.
///
/// Which scalars need quotes is decided here, once: ``string(_:)`` writes a text plain only
/// when every common YAML reader — YAML 1.2 core schema and YAML 1.1 as PyYAML reads it —
/// takes it back as that same text, and double-quoted otherwise; ``plain(_:)`` writes
/// a number, boolean or null the caller has already spelled. Output collects in memory until
/// ``takeOutput()`` moves it out, so a caller can stream a large document to disk.
public final class YAMLEmitter {
    private let emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
    private let output = OutputBuffer()
    private var started = false

    public init() {
        yaml_emitter_initialize(emitter)
        yaml_emitter_set_output(emitter, { context, buffer, size in
            guard let context, let buffer else { return 0 }
            Unmanaged<OutputBuffer>.fromOpaque(context).takeUnretainedValue().bytes
                .append(contentsOf: UnsafeBufferPointer(start: buffer, count: size))
            return 1
        }, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_width(emitter, -1)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// Opens a mapping; its entries follow as key scalar, value, key scalar, value, ….
    public func beginMapping(flow: Bool = false) throws(YAMLEmitError) {
        try startIfNeeded()
        var event = yaml_event_t()
        yaml_mapping_start_event_initialize(&event, nil, nil, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
        try emit(&event, "a mapping start")
    }

    public func endMapping() throws(YAMLEmitError) {
        var event = yaml_event_t()
        yaml_mapping_end_event_initialize(&event)
        try emit(&event, "a mapping end")
    }

    /// Opens a sequence, in flow style (`[a, b]`) when `flow`.
    public func beginSequence(flow: Bool = false) throws(YAMLEmitError) {
        try startIfNeeded()
        var event = yaml_event_t()
        yaml_sequence_start_event_initialize(&event, nil, nil, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
        try emit(&event, "a sequence start")
    }

    public func endSequence() throws(YAMLEmitError) {
        var event = yaml_event_t()
        yaml_sequence_end_event_initialize(&event)
        try emit(&event, "a sequence end")
    }

    /// Writes a text that must read back as text: plain when that is unambiguous, else double-quoted.
    public func string(_ text: String) throws(YAMLEmitError) {
        try scalar(text, style: Self.readsBackAsText(text) ? YAML_PLAIN_SCALAR_STYLE : YAML_DOUBLE_QUOTED_SCALAR_STYLE)
    }

    /// Writes a scalar plain, exactly as given (a number, `true`, `false` or `null`).
    public func plain(_ text: String) throws(YAMLEmitError) {
        try scalar(text, style: YAML_PLAIN_SCALAR_STYLE)
    }

    /// Ends the document and the stream and flushes libyaml's buffer.
    public func finish() throws(YAMLEmitError) {
        try startIfNeeded()
        var event = yaml_event_t()
        yaml_document_end_event_initialize(&event, 1)
        try emit(&event, "the document end")
        yaml_stream_end_event_initialize(&event)
        try emit(&event, "the stream end")
        guard yaml_emitter_flush(emitter) == 1 else { throw YAMLEmitError(reason: "cannot flush the output") }
    }

    /// The bytes written so far, removed from the emitter's memory.
    public func takeOutput() -> [UInt8] {
        defer { output.bytes.removeAll(keepingCapacity: true) }
        return output.bytes
    }

    /// Whether a plain scalar `text` reads back as the same text under YAML 1.2's core schema
    /// and under YAML 1.1's implicit types (PyYAML): it must start with a letter, hold no
    /// indicator or flow character, and not be one of the words those schemas type
    /// (`yes`, `No`, `on`, `null`, `true`, …).
    public static func readsBackAsText(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              text.unicodeScalars.last != " " else { return false }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || " _-.()/+;".unicodeScalars.contains(scalar)
        }
        return allowed && !typedWords.contains(text.lowercased())
    }

    /// Words YAML 1.1 or 1.2 reads as booleans or null in some spelling.
    private static let typedWords: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    // MARK: - libyaml

    private func scalar(_ text: String, style: yaml_scalar_style_t) throws(YAMLEmitError) {
        try startIfNeeded()
        var event = yaml_event_t()
        var bytes = Array(text.utf8)
        let plainImplicit: Int32 = style == YAML_PLAIN_SCALAR_STYLE ? 1 : 0
        bytes.withUnsafeMutableBufferPointer { buffer in
            _ = yaml_scalar_event_initialize(&event, nil, nil, buffer.baseAddress, Int32(buffer.count), plainImplicit, 1, style)
        }
        try emit(&event, "the scalar \(text.debugDescription)")
    }

    private func startIfNeeded() throws(YAMLEmitError) {
        guard !started else { return }
        started = true
        var event = yaml_event_t()
        yaml_stream_start_event_initialize(&event, YAML_UTF8_ENCODING)
        try emit(&event, "the stream start")
        yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
        try emit(&event, "the document start")
    }

    private func emit(_ event: inout yaml_event_t, _ what: String) throws(YAMLEmitError) {
        guard yaml_emitter_emit(emitter, &event) == 1 else {
            let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "refused"
            throw YAMLEmitError(reason: "\(what): \(problem)")
        }
    }
}

/// Collects what libyaml writes.
private final class OutputBuffer {
    var bytes: [UInt8] = []
}
