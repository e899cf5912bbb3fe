import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

extension CommandTests {
    @Test("user reset makes a one-time link for anyone, the owner too; --two-factor also turns the second factor off")
    func userReset() async throws {
        try await withDatabase { db in
            try await run(
                ["user", "add", "--email", "boss@shop.ru", "--name", "Босс", "--password", "a long password"],
                database: db)
            await #expect(throws: ExitCode.self) {
                try await run(["user", "reset", "--email", "nobody@shop.ru"], database: db)
            }
            try await withApp(database: db) { app in
                let owner = try #require(try await StaffRepository(db: app.db).credentials(email: "boss@shop.ru")).staff
                let store = AccountStore(db: app.db)
                try await store.startEnrolment(owner.id, sealedSecret: "v1:lost", now: testNow)
                try await store.enable(owner, step: 1, recoveryCodeHashes: ["lost"], now: testNow)
            }
            try await run(["user", "reset", "--email", "Boss@Shop.ru"], database: db)
            try await withApp(database: db) { app in
                let (links, factors) = (
                    try await app.count("password_resets"), try await app.count("two_factor_secrets")
                )
                #expect(links == 1)
                #expect(factors == 1)
            }
            try await run(["user", "reset", "--email", "boss@shop.ru", "--two-factor"], database: db)
            try await withApp(database: db) { app in
                let (links, factors, codes) = (
                    try await app.count("password_resets"), try await app.count("two_factor_secrets"),
                    try await app.count("recovery_codes")
                )
                // The newer link replaced the older one.
                #expect(links == 1)
                #expect(factors == 0)
                #expect(codes == 0)
            }
        }
    }
}
