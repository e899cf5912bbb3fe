import FluentKit
import Foundation

/// A saved program forecast.
final class ForecastScenarioRecord: Model, @unchecked Sendable {
    static let schema = "forecast_scenarios"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @OptionalField(key: "created_by_id") var createdByID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "baseline_at") var baselineAt: Date
    @Field(key: "npv_p50_minor") var npvP50Minor: Int64
    @Field(key: "probability_of_loss") var probabilityOfLoss: Double
    @Field(key: "verdict") var verdict: String
    @OptionalField(key: "currency") var currency: String?
    @Field(key: "document") var document: String

    init() {}
}
