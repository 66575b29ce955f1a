import Foundation
import Testing

@testable import Strata

@Suite struct ByteSearchTests {
    @Test func findsTheLastOccurrenceFromTheEnd() {
        let page = Data("<body><p>a</body> in text</p></body>\n</html>".utf8)
        #expect(ByteSearch.lastOffset(of: "</body>", in: page) == 29)
        #expect(ByteSearch.lastOffset(of: "</body>", in: Data("<p>no end</p>".utf8)) == nil)
        #expect(ByteSearch.lastOffset(of: "</body>", in: Data("</bo".utf8)) == nil)
        #expect(ByteSearch.lastOffset(of: "</body>", in: Data("</body>".utf8)) == 0)
    }

    @Test func readsASliceByItsOwnOffsets() {
        let whole = Data("xx</body>yy</body>".utf8)
        let slice = whole[2..<11]
        #expect(ByteSearch.lastOffset(of: "</body>", in: slice) == 0, "offsets count from the slice's start")
    }
}
