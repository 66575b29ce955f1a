import Foundation

/// The names in a folder, sorted, or why it cannot be read (`FileManager` hides the reason).
enum FolderListing {
    struct Failure: Error {
        var reason: String
    }

    static func names(in folder: String) -> Result<[String], Failure> {
        guard let directory = opendir(folder) else { return .failure(Failure(reason: reason(errno))) }
        defer { closedir(directory) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        if errno != 0 { return .failure(Failure(reason: reason(errno))) }
        return .success(names.sorted())
    }

    /// A short reason for an `errno`, in lowercase as it reads inside a sentence: "permission denied".
    static func reason(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
