import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("API rate limit")
struct RateLimitTests {
    @Test("over the per-token limit the API answers 429 with Retry-After, and the next minute lets it in")
    func limit() async throws {
        try await withEarnedApp { app, f in
            let clock = TestClock(testNow)
            app.earned.clock = { clock.read() }
            app.earned.config.apiRateLimit = 3
            for left in [2, 1, 0] {
                let ok = try await app.send(.GET, "/api/v1/customers", token: f.token(f.owner))
                #expect(ok.status == .ok)
                #expect(ok.headers.first(name: "RateLimit-Remaining") == "\(left)")
            }
            let over = try await app.send(.GET, "/api/v1/customers", token: f.token(f.owner))
            #expect(over.status == .tooManyRequests)
            #expect(over.isProblem)
            // testNow is 40 s into its minute.
            #expect(over.headers.first(name: "Retry-After") == "20")
            // Another token has its own count.
            #expect(try await app.send(.GET, "/api/v1/customers", token: f.token(f.manager)).status == .ok)

            clock.advance(20)
            #expect(try await app.send(.GET, "/api/v1/customers", token: f.token(f.owner)).status == .ok)
            // Only the current window of each token is kept.
            #expect(try await app.count("api_rate_windows") == 2)
        }
    }

    @Test("a limit of 0 counts nothing; the variables are checked at start")
    func configuration() async throws {
        try await withEarnedApp { app, f in
            app.earned.config.apiRateLimit = 0
            for _ in 0..<5 {
                let answer = try await app.send(.GET, "/api/v1/customers", token: f.token(f.owner))
                #expect(answer.status == .ok)
                #expect(answer.headers.first(name: "RateLimit-Limit") == nil)
            }
            let windows = try await app.count("api_rate_windows")
            #expect(windows == 0)
        }
        #expect(try Config.fromEnvironment(["EARNED_API_RATE_LIMIT": "50"]).apiRateLimit == 50)
        #expect(try Config.fromEnvironment([:]).apiRateLimit == 600)
        #expect(throws: Config.Problems.self) {
            try Config.fromEnvironment(["EARNED_API_RATE_LIMIT": "lots"])
        }
        #expect(throws: Config.Problems.self) {
            try Config.fromEnvironment(["EARNED_SECRET_KEY": "too short"])
        }
    }
}
