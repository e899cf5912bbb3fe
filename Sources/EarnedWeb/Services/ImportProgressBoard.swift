import Foundation
import Vapor

/// How far each running import of this server has read, by upload, for the page's progress
/// line. In memory: with several instances, a poll that reaches another one finds nothing and
/// the page simply waits, as it does without JavaScript.
final class ImportProgressBoard: @unchecked Sendable {
    struct Progress: Sendable, Hashable {
        var rows: Int
        var bytes: Int
        var total: Int
        var started: Date
        var finished: Bool

        var percent: Int { total > 0 ? min(100, bytes * 100 / total) : 0 }

        func rowsPerSecond(at now: Date) -> Int {
            Int(Double(rows) / max(now.timeIntervalSince(started), 0.001))
        }
    }

    private let lock = NSLock()
    private var runs: [UUID: Progress] = [:]

    func start(_ id: UUID, total: Int, at now: Date) {
        lock.withLock {
            // Finished runs are kept a minute for a late poll, then dropped.
            runs = runs.filter { !$0.value.finished || now.timeIntervalSince($0.value.started) < 60 }
            runs[id] = Progress(rows: 0, bytes: 0, total: total, started: now, finished: false)
        }
    }

    func read(_ id: UUID, bytes: Int) { lock.withLock { runs[id]?.bytes += bytes } }
    func rows(_ id: UUID, _ rows: Int) { lock.withLock { runs[id]?.rows = rows } }
    func finish(_ id: UUID) { lock.withLock { runs[id]?.finished = true } }
    func progress(_ id: UUID) -> Progress? { lock.withLock { runs[id] } }
}

extension Application {
    private struct ImportProgressKey: StorageKey {
        typealias Value = ImportProgressBoard
    }

    /// The running imports' progress (one board per server).
    var importProgress: ImportProgressBoard {
        if let board = storage[ImportProgressKey.self] { return board }
        let board = ImportProgressBoard()
        storage[ImportProgressKey.self] = board
        return board
    }
}
