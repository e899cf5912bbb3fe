import Foundation

/// Splits independent per-element work over the available cores (Grand Central Dispatch's
/// `concurrentPerform`), for batch scoring of many customers.
enum Parallel {
    /// Below this many elements the work runs on the calling thread.
    static let minimumParallelCount = 4096

    /// Sets `values[i] = body(i)` for every index, in parallel chunks for large arrays.
    static func fill(_ values: inout [Double], _ body: @Sendable (Int) -> Double) {
        fillRanges(&values) { range, output in
            for i in range { output[i] = body(i) }
        }
    }

    /// Calls `body(range, output)` for disjoint ranges covering `values`, in parallel for large
    /// arrays; `body` must write `output[i]` only for i in its range. Hot loops use this form to
    /// take unsafe buffers once per chunk rather than once per element.
    static func fillRanges(
        _ values: inout [Double], _ body: @Sendable (Range<Int>, UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        let count = values.count
        values.withUnsafeMutableBufferPointer { buffer in
            let cores = ProcessInfo.processInfo.activeProcessorCount
            guard count >= minimumParallelCount, cores > 1 else {
                body(0..<count, buffer)
                return
            }
            let chunks = min(cores * 4, count / 1024)
            let chunkSize = (count + chunks - 1) / chunks
            // Each chunk writes a disjoint range of the buffer, so sharing it is race-free.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                let start = chunk * chunkSize
                let end = min(start + chunkSize, count)
                if start < end { body(start..<end, output) }
            }
        }
    }
}

extension Parallel {
    /// Splits 0..<count into a fixed number of chunks (8 for large inputs, else 1) and returns
    /// `body(chunk)` for each, in chunk order. The chunking does not depend on the number of
    /// cores, so sums combined in that order are reproducible on any machine.
    static func mapChunks<Partial>(count: Int, _ body: @Sendable (Range<Int>) -> Partial) -> [Partial] {
        let chunkCount = count >= 32_768 ? 8 : 1
        let chunkSize = (count + chunkCount - 1) / max(chunkCount, 1)
        let ranges = (0..<chunkCount).map { c in min(c * chunkSize, count)..<min((c + 1) * chunkSize, count) }
        guard chunkCount > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else { return ranges.map(body) }
        var results = [Partial?](repeating: nil, count: chunkCount)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each chunk writes only its own slot.
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunkCount) { c in
                output[c] = body(ranges[c])
            }
        }
        return results.map { $0! }
    }
}
