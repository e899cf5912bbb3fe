import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// Program forecasts in the OpenAPI document.
extension OpenAPIDocument {
    static let forecastOperations: [Operation] = [
        Operation(
            method: "get", endpoint: .forecastBaseline,
            summary:
                "The baseline forecasts run on (owner): per loyalty segment, purchases, churn and order value; service volumes and what a miss costs",
            response: "ForecastBaseline", status: 200),
        Operation(
            method: "post", endpoint: .forecastRun,
            summary:
                "Forecast a program against a service improvement without saving it; keys left out keep their defaults",
            request: "ForecastScenario", response: "Forecast", status: 200),
        Operation(
            method: "get", endpoint: .forecasts, summary: "Saved forecasts, newest first",
            response: "SavedForecastList",
            status: 200, query: listQuery),
        Operation(
            method: "post", endpoint: .forecasts,
            summary: "Run a forecast and save it with its inputs and baseline",
            request: "ForecastSaveInput", response: "SavedForecast", status: 201),
        Operation(
            method: "get", endpoint: .forecast(.key), summary: "A saved forecast: inputs, baseline and results",
            response: "SavedForecast", status: 200),
        Operation(method: "delete", endpoint: .forecast(.key), summary: "Delete a saved forecast", status: 204),
    ]

    static var forecastSchemas: [String: [String: Any]] {
        let num: [String: Any] = ["type": "number"]
        func number(_ description: String) -> [String: Any] { ["type": "number", "description": description] }
        let nullableNumber: [String: Any] = ["type": ["number", "null"]]
        let spread = object(
            ["low": num, "likely": num, "high": num], required: ["low", "likely", "high"])
        func range(_ description: String) -> [String: Any] {
            var s = spread
            s["description"] = description + "; a triangular range low ≤ likely ≤ high"
            return s
        }
        let scenario: Props = [
            "kind": enumeration(ProgramScenario.Kind.allCases.map(\.rawValue)),
            "reward_rate": number("discount or cashback as a share of each purchase, 0…1"),
            "points": object(
                [
                    "per_unit": number("points per currency unit spent"),
                    "value_minor": number("a point's value when redeemed, minor units"),
                    "expiry_months": integer(), "breakage": range("share never redeemed"),
                    "redemption_lag_months": integer("months from earning to redeeming, ≤ expiry"),
                ]),
            "tiers": array(
                object(
                    ["minimum_yearly_spend_minor": num, "rate": number("reward share of each purchase")],
                    required: ["minimum_yearly_spend_minor", "rate"])),
            "eligible": array(enumeration(LoyaltySegment.allCases.map(\.rawValue))),
            "participation": range("share of eligible active customers who join"),
            "retention_uplift": range("share of members' churn removed, 0…1"),
            "frequency_uplift": range("relative change in purchases a month"),
            "spend_uplift": range("relative change in spend per purchase"),
            "gross_margin": number("0…1"), "monthly_cost_minor": num, "setup_cost_minor": num,
            "horizon_months": integer("1…120"), "discount_rate": number("a year, 0…1"),
            "acquisition_multiple": number(
                "winning a new customer costs this many times keeping one (5, a rule of thumb)"),
            "withdrawal": [
                "type": ["object", "null"],
                "properties": [
                    "month": integer("stop after this month"),
                    "churn_spike": range("share of members who leave at once"),
                ],
            ],
            "service": [
                "type": ["object", "null"],
                "properties": [
                    "on_time_target": nullableNumber, "replies_target": nullableNumber, "monthly_cost_minor": num,
                    "setup_cost_minor": num,
                ],
            ],
            "runs": integer("10,000…100,000"), "seed": integer(),
        ]
        let quantiles = object(
            ["p10": num, "p50": num, "p90": num, "mean": num], required: ["p10", "p50", "p90", "mean"])
        let band = object(
            ["month": integer(), "p10": num, "p50": num, "p90": num], required: ["month", "p10", "p50", "p90"])
        let outcome = object(
            [
                "npv": quantiles, "probability_of_loss": num, "cumulative": array(band), "extra_margin": quantiles,
                "costs": quantiles,
            ], required: ["npv", "probability_of_loss", "cumulative", "extra_margin", "costs"])
        let result: Props = [
            "runs": integer(), "seed": integer(), "horizon_months": integer(), "currency": string(nullable: true),
            "program": outcome, "subsidy_leak": quantiles,
            "subsidy_leak_by_segment": ["type": "object", "additionalProperties": num],
            "members": quantiles, "customers_kept": quantiles, "retention_cost_per_member": quantiles,
            "acquisition_cost_per_customer": quantiles, "replacement_value": quantiles, "liability": array(band),
            "withdrawal": [
                "type": ["object", "null"], "description": "month, npv, probability_of_loss, cost, customers_lost",
            ],
            "service": [
                "type": ["object", "null"],
                "description": "outcome, avoided_per_month, on_time_from/to, replies_from/to, probability_better",
            ],
            "service_by_model": [
                "type": ["object", "null"],
                "description":
                    "the service alternative again with the lifetime model's estimates of what a broken promise and "
                    + "a late reply cost (Pareto/NBD with service covariates) instead of the matching estimates",
            ],
            "service_gap": enumeration(
                ["no_on_time_data", "no_promise_effect", "no_reply_data", "no_reply_effect"], nullable: true),
            "break_even": object(["retention_uplift": nullableNumber, "frequency_uplift": nullableNumber]),
            "histogram": array(
                object(["lower": num, "upper": num, "program": integer(), "service": integer()])),
            "verdict": enumeration(["pays", "risky", "loses"]),
            "comparison": enumeration(["service_better", "program_better", "unclear"], nullable: true),
        ]
        let cohort = object(
            [
                "segment": enumeration(LoyaltySegment.allCases.map(\.rawValue)), "customers": integer(),
                "active_customers": num, "monthly_purchase_rate": num, "monthly_churn": num,
                "average_order_minor": num,
                "spend_groups": array(object(["lowest_minor": num, "share": num])),
            ])
        let rate: [String: Any] = [
            "type": ["object", "null"], "properties": ["per_month": num, "share": num, "sample_size": integer()],
        ]
        let effect: [String: Any] = [
            "type": ["object", "null"],
            "properties": ["purchases": num, "standard_error": num, "horizon_days": integer()],
        ]
        let baseline: Props = [
            "computed_at": string(format: "date-time"), "currency": string(nullable: true), "cohorts": array(cohort),
            "on_time": rate, "replies": rate, "promise_effect": effect, "reply_effect": effect,
            "promise_effect_by_model": effect, "reply_effect_by_model": effect,
        ]
        let summary: Props = [
            "id": string(format: "uuid"), "name": string(max: ForecastStore.nameLimit), "kind": string(),
            "created_by_id": string(format: "uuid", nullable: true), "created_at": string(format: "date-time"),
            "baseline_at": string(format: "date-time"), "npv_p50_minor": integer(), "probability_of_loss": num,
            "verdict": string(), "currency": string(nullable: true),
        ]
        var saved = summary
        saved["scenario"] = ref("ForecastScenario")
        saved["baseline"] = ref("ForecastBaseline")
        saved["result"] = ref("ForecastResult")
        let forecast: Props = [
            "scenario": ref("ForecastScenario"), "baseline": ref("ForecastBaseline"), "result": ref("ForecastResult"),
        ]
        return [
            "ForecastScenario": object(scenario),
            "ForecastResult": object(result, required: Array(result.keys)),
            "ForecastBaseline": object(baseline, required: Array(baseline.keys)),
            "Forecast": object(forecast, required: Array(forecast.keys)),
            "SavedForecastSummary": object(summary, required: Array(summary.keys)),
            "SavedForecast": object(saved, required: Array(saved.keys)),
            "SavedForecastList": object(
                ["items": array(ref("SavedForecastSummary")), "next_cursor": string(nullable: true)],
                required: ["items", "next_cursor"]),
            "ForecastSaveInput": object(
                ["name": string(max: ForecastStore.nameLimit), "scenario": ref("ForecastScenario")],
                required: ["name", "scenario"]),
        ]
    }
}
