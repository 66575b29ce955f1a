#if canImport(Glibc)
    import Foundation
    import Glibc
    import Synchronization

    /// Linux's inotify over every folder under the watched roots, following folders as they are
    /// created. `next` blocks a thread of its own (never a task of the cooperative pool) until
    /// something changed, and is woken by `stop`.
    final class Inotify: Sendable {
        private let fd: Int32
        /// A pipe whose write end `stop` writes to, waking `next`.
        private let wake: (read: Int32, write: Int32)
        /// The folder of each watch descriptor, for the path of a new folder inside it.
        private let watches = Mutex<[Int32: String]>([:])

        private static let mask = UInt32(
            IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB | IN_DELETE_SELF
                | IN_MOVE_SELF)

        /// Nil when inotify is not available or the folders cannot all be watched (for example,
        /// the user's limit on watches is reached): the caller falls back to polling.
        init?(folders: [String]) {
            fd = inotify_init1(Int32(IN_CLOEXEC))
            guard fd >= 0 else { return nil }
            var pipeEnds: [Int32] = [0, 0]
            guard pipe(&pipeEnds) == 0 else {
                close(fd)
                return nil
            }
            wake = (pipeEnds[0], pipeEnds[1])
            for folder in folders where FileManager.default.fileExists(atPath: folder) {
                guard add(folder) else {
                    closeAll()
                    return nil
                }
            }
        }

        deinit { closeAll() }

        private func closeAll() {
            close(fd)
            close(wake.read)
            close(wake.write)
        }

        /// Watches `folder` and every folder below it, skipping hidden ones (the build skips them too).
        private func add(_ folder: String) -> Bool {
            let descriptor = inotify_add_watch(fd, folder, Self.mask | UInt32(IN_ONLYDIR))
            guard descriptor >= 0 else { return errno == ENOENT || errno == ENOTDIR }
            watches.withLock { $0[descriptor] = folder }
            let children = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in children where !name.hasPrefix(".") {
                let path = folder + "/" + name
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, !add(path) { return false }
            }
            return true
        }

        /// Waits until a file that the build reads changes, then until no event has come for
        /// `quiet` milliseconds, so a burst (an editor writing a temporary file and renaming it)
        /// is one change. Returns the paths that changed (files and folders, absolute); nil once
        /// `stop` was called.
        func next(quiet: Int32) -> Set<String>? {
            let size = 64 * 1024
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 8)
            defer { buffer.deallocate() }
            var changed = Set<String>()
            while true {
                var fds = [
                    pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
                ]
                let ready = poll(&fds, 2, changed.isEmpty ? -1 : quiet)
                if ready < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                if fds[1].revents != 0 { return nil }
                if ready == 0 { return changed }  // quiet for `quiet` ms after a change
                guard fds[0].revents & Int16(POLLIN) != 0 else { continue }
                let count = read(fd, buffer, size)
                if count > 0 { changed.formUnion(readEvents(buffer, count: count)) }
            }
        }

        /// Follows new folders; returns the paths of the events that concern something the build reads.
        private func readEvents(_ buffer: UnsafeMutableRawPointer, count: Int) -> Set<String> {
            var changed = Set<String>()
            var offset = 0
            while offset + MemoryLayout<inotify_event>.size <= count {
                let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
                let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
                let name =
                    event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
                offset += MemoryLayout<inotify_event>.size + Int(event.len)
                if event.mask & UInt32(IN_IGNORED) != 0 {
                    _ = watches.withLock { $0.removeValue(forKey: event.wd) }
                    continue
                }
                // Editors' swap and backup files start with a dot; the build skips them.
                if name.hasPrefix(".") { continue }
                guard let folder = watches.withLock({ $0[event.wd] }) else { continue }
                let path = name.isEmpty ? folder : folder + "/" + name
                changed.insert(path)
                let isFolder = event.mask & UInt32(IN_ISDIR) != 0
                if isFolder, event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = add(path)
                }
            }
            return changed
        }

        /// Wakes `next`, which returns false.
        func stop() {
            var byte: UInt8 = 1
            _ = write(wake.write, &byte, 1)
        }
    }
#endif
