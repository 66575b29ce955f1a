import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
    /// Maps the elements on all cores, keeping their order.
    func parallelMap<Result: Sendable>(_ transform: @Sendable (Element) -> Result) -> [Result] {
        if count < 2 { return map(transform) }
        let cores = Foundation.ProcessInfo.processInfo.activeProcessorCount
        let chunkSize = Swift.max(1, count / (cores * 128))
        let chunks = (count + chunkSize - 1) / chunkSize
        let slots = Mutex<[Result?]>(Array<Result?>(repeating: nil, count: count))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (chunk * chunkSize)..<Swift.min(count, (chunk + 1) * chunkSize)
            let results = range.map { transform(self[$0]) }
            slots.withLock { slots in
                for (offset, result) in zip(range, results) { slots[offset] = result }
            }
        }
        return slots.withLock { $0.compactMap { $0 } }
    }
}
