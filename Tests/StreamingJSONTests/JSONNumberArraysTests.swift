import StreamingJSON
import XCTest

/// The bulk reader of arrays of number arrays reads, fails and positions itself exactly as
/// the element-by-element reader does, whatever the chunking and spacing.
final class JSONNumberArraysTests: XCTestCase {
    private struct Outcome: Equatable {
        var elements: [[Double]] = []
        var error: JSONReadError?
        var position: JSONPosition?
        var path = ""
    }

    private func elementByElement(_ text: String, chunkSize: Int, stopAt stop: Int?) -> Outcome {
        var reader = makeReader(text, chunkSize: chunkSize)
        var outcome = Outcome()
        do throws(JSONReadError) {
            try reader.expectBeginArray()
            var values: [Double] = []
            while try reader.nextElement() {
                values.removeAll()
                try reader.readNumberArray(into: &values)
                outcome.elements.append(values)
                if outcome.elements.count == stop { break }
            }
            if outcome.elements.count != stop { try reader.expectEndOfInput() }
        } catch {
            outcome.error = error
        }
        outcome.position = reader.tokenPosition
        outcome.path = reader.path
        return outcome
    }

    private func bulk(_ text: String, chunkSize: Int, stopAt stop: Int?) -> Outcome {
        var reader = makeReader(text, chunkSize: chunkSize)
        var outcome = Outcome()
        do throws(JSONReadError) {
            try reader.expectBeginArray()
            var values: [Double] = []
            let complete = try reader.readNumberArrays(into: &values) { element in
                outcome.elements.append(element)
                return outcome.elements.count != stop
            }
            XCTAssertEqual(complete, outcome.elements.count != stop, text)
            if complete { try reader.expectEndOfInput() }
        } catch {
            outcome.error = error
        }
        outcome.position = reader.tokenPosition
        outcome.path = reader.path
        return outcome
    }

    func testMatchesTheElementByElementReader() {
        let texts = [
            "[[0,0,2134.000000],[0,43,4642.5],[1, 2, 3e2], [4 , 5 ,6 ]]",
            "[]", "[ ]", "[[]]", "[[1],[]]", "[[1,2,3],\n [4,5,6],\r\n[7,8,0.1000000000000000055511151231257827]]",
            "[[1,2,3],[4,5,\"x\"]]", "[[1,2,3],[4,5,NaN]]", "[[1,2,1e999]]", "[[1,2,3] [4]]", "[[1,2,3],[4,5",
            "[[1,2,3],{\"a\":1}]", "[[1,2,3],[01]]", "[[-0, -1.5, 123456789012345678901234]]", "[[1,2,3],]",
        ]
        for text in texts {
            for chunkSize in [1, 3, 7, 1 << 20] {
                for stop in [nil, 1, 2] {
                    XCTAssertEqual(bulk(text, chunkSize: chunkSize, stopAt: stop),
                                   elementByElement(text, chunkSize: chunkSize, stopAt: stop),
                                   "\(text) in chunks of \(chunkSize), stopping after \(stop.map(String.init) ?? "none")")
                }
            }
        }
    }

    /// Takes the elements without a negative number, as the test's body does.
    private struct NonNegativeElements: NumberArrayCollector {
        var elements: [[Double]] = []

        static func takes(_ values: [Double]) -> Bool { !values.contains { $0 < 0 } }

        mutating func collect(_ values: [Double]) -> Bool {
            guard Self.takes(values) else { return false }
            elements.append(values)
            return true
        }
    }

    private func collected(_ text: String, chunkSize: Int) -> Outcome {
        var reader = makeReader(text, chunkSize: chunkSize)
        var outcome = Outcome()
        var merged: [[Double]] = []
        do throws(JSONReadError) {
            try reader.expectBeginArray()
            var values: [Double] = []
            let complete = try reader.readNumberArrays(collecting: NonNegativeElements(), merge: { merged += $0.elements },
                                                       into: &values) { element in
                merged.append(element)
                return NonNegativeElements.takes(element)
            }
            if complete { try reader.expectEndOfInput() }
        } catch {
            outcome.error = error
        }
        outcome.elements = merged
        outcome.position = reader.tokenPosition
        outcome.path = reader.path
        return outcome
    }

    /// Texts long enough to be split between threads, with irregular elements at places that
    /// fall in either half of a buffer: the collected elements, the error and the position
    /// are those of the element-by-element reader stopping at the first declined element.
    func testCollectingOnThreadsMatchesTheElementByElementReader() {
        let plain = (0..<8_000).map { "[\($0 / 7),\($0 % 2_000),\($0 * 3).000000]" }
        func text(replacing index: Int?, with element: String, separator: String = ",") -> String {
            var elements = plain
            if let index { elements[index] = element }
            return "[" + elements.joined(separator: separator) + "]"
        }
        var texts = [text(replacing: nil, with: ""), text(replacing: nil, with: "", separator: " , "),
                     String(text(replacing: nil, with: "").prefix(90_000))]
        for index in [1, 2_500, 4_100, 6_000, 7_999] {
            texts += [text(replacing: index, with: "[1,2,-3]"), text(replacing: index, with: "[1,\n2,3]"),
                      text(replacing: index, with: "[1,2,\"x\"]"), text(replacing: index, with: "[[1],2]"),
                      text(replacing: index, with: "[1,2,3]]")]
        }
        for text in texts {
            for chunkSize in [1_000, 70_000, 1 << 20] {
                let whole = elementByElement(text, chunkSize: chunkSize, stopAt: nil)
                let stop = whole.elements.firstIndex { !NonNegativeElements.takes($0) }.map { $0 + 1 }
                let expected = elementByElement(text, chunkSize: chunkSize, stopAt: stop)
                let outcome = collected(text, chunkSize: chunkSize)
                XCTAssertTrue(outcome == expected, """
                    \(text.utf8.count) bytes in chunks of \(chunkSize): \(outcome.elements.count) elements, \
                    \(outcome.error.map { "\($0)" } ?? "no error") at \(outcome.path); expected \(expected.elements.count), \
                    \(expected.error.map { "\($0)" } ?? "no error") at \(expected.path)
                    """)
            }
        }
    }

    func testDepthLimitHolds() {
        var reader = makeReader("[[1]]", limits: JSONReaderLimits(maxDepth: 1))
        var values: [Double] = []
        do throws(JSONReadError) {
            try reader.expectBeginArray()
            _ = try reader.readNumberArrays(into: &values) { _ in true }
            XCTFail("an array nested beyond the depth limit was read")
        } catch {
            guard case .limitExceeded = error else { return XCTFail("\(error)") }
        }
    }
}
