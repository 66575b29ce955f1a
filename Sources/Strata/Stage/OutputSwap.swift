import CSwap
import Foundation

/// Puts a finished staging folder in the output's place.
enum OutputSwap {
    /// How the last swap was made, for tests.
    enum Method: Equatable {
        /// There was no output yet: one rename.
        case firstBuild
        /// One exchange of the two names (`renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)`
        /// on macOS): the output folder is at every moment either the whole old site or the whole new one.
        case exchange
        /// The file system cannot exchange: the old output is renamed aside, then the new one into
        /// place. Between the two renames there is no output folder.
        case renames
    }

    /// Swaps `staging` into `output`; afterwards `staging` no longer exists and the old site is deleted.
    @discardableResult
    static func swap(_ staging: String, into output: String, retired: String, allowExchange: Bool = true)
        throws(FileTree.Failure) -> Method
    {
        var info = stat()
        guard lstat(output, &info) == 0 else {
            guard rename(staging, output) == 0 else { throw FileTree.Failure("move the new site into", output) }
            return .firstBuild
        }
        if allowExchange {
            if strata_exchange_paths(staging, output) == 0 {
                FileTree.remove(staging)  // it holds the old site now
                return .exchange
            }
            guard [ENOSYS, EINVAL, ENOTSUP, EOPNOTSUPP].contains(errno) else {
                throw FileTree.Failure("move the new site into", output)
            }
        }
        guard rename(output, retired) == 0 else { throw FileTree.Failure("move the old site aside from", output) }
        guard rename(staging, output) == 0 else {
            let failure = FileTree.Failure("move the new site into", output)
            _ = rename(retired, output)
            throw failure
        }
        FileTree.remove(retired)
        return .renames
    }
}
