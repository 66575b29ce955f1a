import Foundation

/// Lists the files under a folder of the root, following only symlinks that stay inside that folder.
///
/// Nothing is skipped in silence: a folder or file that cannot be read is an error (a page missing
/// from the site would otherwise show up as confusing errors elsewhere, or not at all); a named
/// pipe, socket or device is skipped with a warning (reading a pipe would wait forever); a
/// dangling symlink or a symlink loop is named as such.
struct DirectoryWalk {
    struct File {
        var path: String
        var absolute: String
    }

    let root: String
    private(set) var files: [File] = []
    /// Every folder walked, by path relative to the root.
    private(set) var folders: Set<String> = []
    var diagnostics = Diagnostics()

    init(root: String) { self.root = root }

    mutating func walk(_ folder: String) {
        let top = (root as NSString).appendingPathComponent(folder)
        guard let realTop = Self.realPath(top) else { return }
        var visited: Set<String> = [realTop]
        visit(folder, absolute: top, real: realTop, realTop: realTop, visited: &visited)
        files.sort { $0.path < $1.path }
    }

    /// `real` is the folder's path with symlinks resolved, to recognise a link back up to it.
    private mutating func visit(
        _ relative: String, absolute: String, real: String, realTop: String, visited: inout Set<String>
    ) {
        let names: [String]
        switch FolderListing.names(in: absolute) {
        case .success(let value): names = value
        case .failure(let failure):
            diagnostics.error(
                "cannot read this folder (\(failure.reason)), so nothing in it is built; "
                    + "make it readable (chmod u+rx) or move it out of the site",
                at: SourceLocation(path: relative))
            return
        }
        for name in names {
            if name.hasPrefix(".") { continue }  // .git, .DS_Store, editor files
            let path = relative + "/" + name
            let full = absolute + "/" + name
            let at = SourceLocation(path: path)
            var info = stat()
            guard lstat(full, &info) == 0 else {
                diagnostics.error("cannot read this file (\(FolderListing.reason(errno)))", at: at)
                continue
            }
            var kind = info.st_mode & S_IFMT
            var realFolder = real + "/" + name
            if kind == S_IFLNK {
                guard let target = Self.realPath(full) else {
                    diagnostics.warning(Self.brokenLinkMessage(full, errno: errno), at: at)
                    continue
                }
                guard target == realTop || target.hasPrefix(realTop + "/") else {
                    let top = relative.split(separator: "/").first.map(String.init) ?? relative
                    diagnostics.warning("symlink points outside \(top)/; it is not followed", at: at)
                    continue
                }
                var targetInfo = stat()
                guard stat(full, &targetInfo) == 0 else {
                    diagnostics.warning(Self.brokenLinkMessage(full, errno: errno), at: at)
                    continue
                }
                kind = targetInfo.st_mode & S_IFMT
                if kind == S_IFDIR {
                    if target == real || real.hasPrefix(target + "/") {
                        diagnostics.warning(
                            "symlink loop: it points to a folder that contains it; it is not followed", at: at)
                        continue
                    }
                    guard visited.insert(target).inserted else { continue }
                    realFolder = target
                }
            }
            switch kind {
            case S_IFDIR:
                folders.insert(path)
                visit(path, absolute: full, real: realFolder, realTop: realTop, visited: &visited)
            case S_IFREG:
                guard access(full, R_OK) == 0 else {
                    diagnostics.error(
                        "cannot read this file (\(FolderListing.reason(errno))); make it readable (chmod u+r)", at: at)
                    continue
                }
                files.append(File(path: path, absolute: full))
            default:
                diagnostics.warning("\(Self.kindName(kind)), not a regular file; it is skipped", at: at)
            }
        }
    }

    private static func kindName(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        default: "not a file or folder"
        }
    }

    /// Why a symlink cannot be followed, from `realpath`'s or `stat`'s `errno`.
    private static func brokenLinkMessage(_ link: String, errno code: Int32) -> String {
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: link)).map { " '\($0)'" } ?? ""
        switch code {
        case ELOOP: return "symlink loop: following\(target) leads back to a symlink on the way; it is not followed"
        case ENOENT, ENOTDIR: return "dangling symlink: its target\(target) does not exist; it is not followed"
        default: return "cannot follow this symlink (\(FolderListing.reason(code))); it is not followed"
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
