import ProfileModel
import Testing

@Suite struct MessageTextTests {
    @Test func controlAndBidirectionalCharactersAreEscapedOnce() {
        let crafted = "S1\u{1B}]0;owned\u{07}\u{1B}[2J\tx\ny\u{7F}\u{9B}\u{202E}"
        let escaped = MessageText.escaped(crafted)
        #expect(escaped == "S1\\u{1B}]0;owned\\u{7}\\u{1B}[2J\\u{9}x\\u{A}y\\u{7F}\\u{9B}\\u{202E}")
        #expect(MessageText.escaped(escaped) == escaped)
        #expect(MessageText.escaped("first\n\u{1B}second", keepingLineBreaks: true) == "first\n\\u{1B}second")
    }

    @Test func ordinaryTextIsLeftAlone() {
        for text in ["g__Bacteroides", "Escherichia coli (0.5 %)", "Müller; São Paulo; 北京", "'5' is not a number"] {
            #expect(MessageText.escaped(text) == text)
        }
    }

    @Test func diagnosticsEscapeWhatTheyQuote() {
        let diagnostic = Diagnostic(code: "taxonomy.unknown-rank", severity: .warning, message: "rank '\u{1B}[31mx' is unknown")
        #expect(!diagnostic.description.unicodeScalars.contains("\u{1B}"))
    }
}
