import Foundation
import Testing

@testable import Strata

/// Text that is not UTF-8 with LF or CRLF line ends is named for what it is.
@Suite struct TextEncodingTests {
    static func read(_ bytes: Data) throws -> String {
        let site = try TempDir()
        try bytes.write(to: URL(fileURLWithPath: site.file("a.md")))
        switch UTF8File.read(site.file("a.md"), path: "content/a.md") {
        case .success(let text): return "text: " + text
        case .failure(let diagnostic): return diagnostic.description
        }
    }

    static let page = "---\ntitle: A\n---\nBody.\n"

    /// UTF-16 of ASCII text is valid UTF-8 (a 0 byte after each letter): it was read as a page
    /// with "missing front matter".
    @Test func utf16WithoutAByteOrderMark() throws {
        #expect(
            try Self.read(Self.page.data(using: .utf16LittleEndian)!)
                == "content/a.md:1:1: error: the file looks like UTF-16 text (little-endian, without a byte order mark: every other byte is 0); save the file as UTF-8"
        )
        #expect(
            try Self.read(Self.page.data(using: .utf16BigEndian)!)
                == "content/a.md:1:1: error: the file looks like UTF-16 text (big-endian, without a byte order mark: every other byte is 0); save the file as UTF-8"
        )
    }

    @Test func utf16WithAByteOrderMark() throws {
        #expect(
            try Self.read(Data([0xFF, 0xFE]) + Self.page.data(using: .utf16LittleEndian)!)
                == "content/a.md:1:1: error: the file is UTF-16 text (it starts with a UTF-16 byte order mark); save the file as UTF-8"
        )
    }

    /// CR-only lines made one long line: "front matter is not closed".
    @Test func carriageReturnsAlone() throws {
        #expect(
            try Self.read(Data("---\rtitle: A\r---\rBody.\r".utf8))
                == "content/a.md:1:1: error: the file's lines end in a carriage return (CR) alone, as on classic Mac OS; save it with LF (or CRLF) line endings"
        )
    }

    @Test func windowsLineEndsAndAStrayZeroByteAreStillText() throws {
        #expect(try Self.read(Data("---\r\ntitle: A\r\n---\r\n".utf8)) == "text: ---\r\ntitle: A\r\n---\r\n")
        #expect(try Self.read(Data("ab\0cdefgh\n".utf8)) == "text: ab\0cdefgh\n")
    }
}
