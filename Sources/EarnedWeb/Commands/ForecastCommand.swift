import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Vapor

/// `earned forecast --scenario FILE.json`: the program forecast of a scenario file on the
/// latest baseline, as text or JSON (`--format json`), optionally saved (`--save NAME`). The
/// file holds the same JSON the API takes; any key left out keeps its default
/// (`earned forecast --defaults` prints them).
struct ForecastCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "scenario", help: "The scenario, a JSON file (see --defaults)")
        var scenario: String?
        @Option(name: "format", help: "text (default) or json")
        var format: String?
        @Option(name: "save", help: "Also save the forecast under this name")
        var save: String?
        @Flag(name: "defaults", help: "Print the default scenario as JSON and stop")
        var defaults: Bool
    }

    var help: String {
        "Forecasts a discount, points, cashback or tiered program against a service improvement on the business's own history."
    }

    typealias Failure = CommandFailure

    func run(using context: CommandContext, signature: Signature) async throws {
        try await Failure.reported(on: context.console) {
            do {
                try await forecast(context, signature)
            } catch let error as DomainError {
                throw Failure(description: Self.describe(error))
            }
        }
    }

    static func describe(_ error: DomainError) -> String {
        switch error {
        case .invalid(let fields): fields.map { "\($0.field): \($0.reason)" }.joined(separator: "\n")
        case .conflict(let text), .notFound(let text), .forbidden(let text), .unauthenticated(let text): text
        case .throttled(let seconds): "try again in \(seconds) s"
        }
    }

    func forecast(_ context: CommandContext, _ signature: Signature) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        if signature.defaults {
            context.console.print(String(decoding: try encoder.encode(ProgramScenario.standard), as: UTF8.self))
            return
        }
        guard let path = signature.scenario else { throw Failure(description: "--scenario FILE.json is required") }
        let format = signature.format ?? "text"
        guard format == "text" || format == "json" else {
            throw Failure(description: "--format is text or json, not '\(format)'")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "\(path): no such file, or it cannot be read")
        }
        let scenario: ProgramScenario
        do {
            scenario = try JSONDecoder().decode(ProgramScenario.self, from: data)
        } catch let error as DecodingError {
            throw Failure(description: "\(path): " + Self.describe(error))
        }
        let app = context.application
        try await prepareDatabase(app)
        guard let owner = try await StaffRepository(db: app.db).firstOwner() else {
            throw Failure(description: "there is no owner yet: create one with earned user add")
        }
        let forecasting = Forecasting(db: app.db)
        let document = try await forecasting.run(scenario, actor: owner)
        if let name = signature.save {
            let saved = try await forecasting.save(document, name: name, actor: owner, now: app.earned.clock())
            context.console.print("Saved as “\(saved.name)” (\(saved.id.uuidString.lowercased())).")
        }
        if format == "json" {
            context.console.print(String(decoding: try encoder.encode(document), as: UTF8.self))
        } else {
            context.console.print(Self.text(document))
        }
    }

    /// The forecast as a person reads it on a terminal, in English.
    static func text(_ d: Forecasting.Document) -> String {
        let s = Strings(lang: .en)
        func money(_ x: Double) -> String { Format.wholeMoney(x, currency: d.baseline.currency, s.lang) }
        func row(_ name: String, _ q: ForecastResult.Quantiles) -> String {
            name.padding(toLength: 44, withPad: " ", startingAt: 0)
                + "P10 \(money(q.p10))  P50 \(money(q.p50))  P90 \(money(q.p90))"
        }
        let r = d.result
        var lines = [
            "Forecast of a \(s.kindName(d.scenario.kind)) program over \(s.months(r.horizonMonths)), \(s.runs(r.runs)) (seed \(r.seed)), on the data of "
                + ISO8601DateFormatter().string(from: d.baseline.computedAt) + ".", "",
        ]
        lines += s.forecastVerdict(r, d.scenario, money: money)
        lines += ["", row("Program NPV", r.program.npv), row("  margin on extra sales", r.program.extraMargin)]
        lines += [row("  all costs", r.program.costs), row("  rewards on sales that happen anyway", r.subsidyLeak)]
        lines.append("  probability of a loss: " + s.percent(r.program.probabilityOfLoss))
        if let w = r.withdrawal {
            lines += [
                row("Withdrawn after month \(w.month): NPV", w.npv), row("  margin lost with those who leave", w.cost),
            ]
        }
        if let service = r.service {
            lines += [row("Service alternative NPV", service.outcome.npv)]
            lines.append("  probability of a loss: " + s.percent(service.outcome.probabilityOfLoss))
        }
        lines.append(row("Winning as many new customers (×\(d.scenario.acquisitionMultiple))", r.replacementValue))
        return lines.joined(separator: "\n")
    }

    /// Where a scenario file went wrong, by key path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .typeMismatch(let type, let c): return "\(path(c.codingPath)): expected \(type)"
        case .valueNotFound(let type, let c): return "\(path(c.codingPath)): expected \(type), found null"
        case .keyNotFound(let key, let c): return "\(path(c.codingPath + [key])): is required"
        case .dataCorrupted(let c):
            let underlying = (c.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            let place = path(c.codingPath)
            return (place.isEmpty ? "" : place + ": ") + (underlying ?? c.debugDescription)
        @unknown default: return "not a scenario"
        }
    }
}
