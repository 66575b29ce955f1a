import Foundation

/// Reads a text file of the site as UTF-8 (a byte order mark is dropped), or says where it is not.
enum UTF8File {
    static func read(_ absolute: String, path: String) -> Result<String, Diagnostic> {
        guard var data = FileManager.default.contents(atPath: absolute) else {
            return .failure(Diagnostic(.error, "cannot read the file", at: SourceLocation(path: path)))
        }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data.removeFirst(3) }
        if let encoding = TextEncodingSniffer.utf16(data) {
            return .failure(Diagnostic(.error, encoding + "; save the file as UTF-8", at: SourceLocation(path: path)))
        }
        if let text = String(validating: data, as: UTF8.self) {
            if TextEncodingSniffer.hasOnlyCarriageReturns(data) {
                return .failure(
                    Diagnostic(
                        .error,
                        "the file's lines end in a carriage return (CR) alone, as on classic Mac OS; "
                            + "save it with LF (or CRLF) line endings",
                        at: SourceLocation(path: path)))
            }
            return .success(text)
        }
        let (offset, location) = firstInvalidByte(in: data, path: path)
        let byte = String(data[data.startIndex + offset], radix: 16, uppercase: true)
        return .failure(
            Diagnostic(
                .error, "the file is not UTF-8 text: byte 0x\(byte) here is not valid UTF-8; save the file as UTF-8",
                at: location))
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence, and its line and
    /// column (columns count characters, as an editor does).
    private static func firstInvalidByte(in data: Data, path: String) -> (Int, SourceLocation) {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let encoded):
                offset += encoded.count
                if encoded.count == 1, encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .error:
                return (offset, SourceLocation(path: path, line: line, column: column))
            case .emptyInput:
                return (0, SourceLocation(path: path))
            }
        }
    }
}
