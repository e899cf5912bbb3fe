import EarnedServices
import Foundation
import Testing

@testable import EarnedWeb

extension CommandTests {
    @Test("export takes every kind, a dialect and a period; a bad choice names the option and writes nothing")
    func exportKinds() async throws {
        try await withDatabase { db in
            try await run(
                ["user", "add", "--email", "boss@shop.ru", "--name", "Босс", "--password", "a long password"],
                database: db)
            for kind in ExportKind.allCases {
                let out = directory.appendingPathComponent("\(kind.rawValue).csv")
                try await run(
                    [
                        "export", kind.rawValue, "--dialect", "excel", "--from", "2026-11-01", "--to", "2026-11-30",
                        "-o",
                        out.path,
                    ], database: db)
                // Read as bytes: String(contentsOf:) would drop the byte-order mark.
                let text = String(decoding: try Data(contentsOf: out), as: UTF8.self)
                #expect(text == "\u{FEFF}" + Export.header(kind).joined(separator: ";") + "\r\n")
            }
            let bad = directory.appendingPathComponent("bad.csv")
            await #expect(throws: ExitCode.self) {
                try await run(["export", "orders", "--dialect", "tsv", "-o", bad.path], database: db)
            }
            #expect(!FileManager.default.fileExists(atPath: bad.path))
        }
    }
}
