import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Foundation

/// The analyses in the OpenAPI document: read-only, scoped like their pages.
extension OpenAPIDocument {
    static let analyticsOperations: [Operation] = [
        Operation(
            method: "get", endpoint: .scorecard,
            summary:
                "The ten-step scorecard of a scope and period from the last score run: each figure with its 95 % "
                + "interval (null below the minimum sample), change and trend, the scopes beneath it and a person's "
                + "team; an owner may ask for any scope, a manager for their locations and people, staff for themselves",
            response: "Scorecard", status: 200,
            query: [
                (
                    "scope", "string",
                    "business, location:<id>, team:<name> or person:<id>; default the widest you may see"
                ),
                (
                    "period", "integer",
                    Score.scorecardPeriodDays.map(String.init).joined(separator: ", ") + "; default 90"
                ),
            ]),
        Operation(
            method: "get", endpoint: .scorecardRecords,
            summary: "The records one scorecard figure counted, newest first, 50 a page", response: "ScorecardRecords",
            status: 200,
            query: [
                ("step", "string", ScorecardStep.allCases.map(\.rawValue).joined(separator: ", ")),
                ("scope", "string", "as for the scorecard"), ("period", "integer", "as for the scorecard"),
                ("result", "string", "all (default), met or missed"), ("page", "integer", "from 1"),
            ]),
        Operation(
            method: "get", endpoint: .loyalty,
            summary:
                "Loyalty segments, their movement, discount-bought repeat buying, lifetime value spread, a segment's "
                + "customers (50 a page), customers at risk and the referral circle (owner)",
            response: "Loyalty", status: 200,
            query: [
                ("segment", "string", LoyaltySegment.allCases.map(\.rawValue).joined(separator: ", ")),
                ("page", "integer", "from 1"),
            ]),
        Operation(
            method: "get", endpoint: .consistency,
            summary:
                "How steady the service is: flagged weak slots of every measure, and for one measure the consistency "
                + "index of each way of cutting the week with its interval, every slot's mean, the weekly control chart (owner)",
            response: "Consistency", status: 200,
            query: [("measure", "string", ServiceRecord.Measure.allCases.map(\.rawValue).joined(separator: ", "))]),
        Operation(
            method: "get", endpoint: .customerScore(.key),
            summary:
                "A customer's segment with its reason and next action, risks, P(alive), expected purchases and "
                + "lifetime value from the last score run; 404 before it counted them",
            response: "CustomerScore", status: 200),
    ]

    static var analyticsSchemas: [String: [String: Any]] {
        let uuid = string(format: "uuid")
        let nullableUUID = string(format: "uuid", nullable: true)
        let time = string(format: "date-time")
        let nullableTime = string(format: "date-time", nullable: true)
        let number: [String: Any] = ["type": "number"]
        let nullableNumber: [String: Any] = ["type": ["number", "null"]]
        let nullableString = string(nullable: true)
        let boolean: [String: Any] = ["type": "boolean"]
        func nullable(_ name: String) -> [String: Any] { ["oneOf": [ref(name), ["type": "null"]]] }
        func closed(_ props: Props) -> [String: Any] { object(props, required: Array(props.keys)) }
        /// [lower, upper] of a 90 % interval, or null.
        func pair(_ item: [String: Any]) -> [String: Any] {
            [
                "type": ["array", "null"], "items": item, "minItems": 2, "maxItems": 2,
                "description": "[lower, upper] of the 90 % interval",
            ]
        }
        let estimate: Props = ["value": number, "lower": number, "upper": number]
        let trend: Props = ["start": time, "end": time, "value": nullableNumber, "sample_size": integer()]
        let figure: Props = [
            "step": enumeration(ScorecardStep.allCases.map(\.rawValue)),
            "kind": enumeration(["share", "index"]), "enough_data": boolean,
            "value": ["type": ["number", "null"], "description": "0–1; null below minimum_sample"],
            "lower": nullableNumber, "upper": nullableNumber, "sample_size": integer(), "successes": integer(),
            "minimum_sample": integer(), "change": nullable("Estimate"), "trend": array(ref("TrendPoint")),
            "details": [
                "type": "object", "additionalProperties": number,
                "description": "figures that go with the main one (csat_mean, fix_hours_median…), with _lower/_upper",
            ],
            "records": string("the records endpoint for this figure"),
        ]
        let part: Props = ["scope": string(), "scope_name": string(), "figures": array(ref("ScorecardFigure"))]
        let scorecard: Props = [
            "scope": string(), "scope_name": string(), "period_days": integer(), "start": nullableTime,
            "end": nullableTime, "computed_at": nullableTime, "figures": array(ref("ScorecardFigure")),
            "team": nullable("ScorecardPart"), "beneath": array(ref("ScorecardPart")),
        ]
        let record: Props = [
            "at": time, "kind": nullableString, "record_id": uuid, "customer_id": nullableUUID,
            "customer_name": nullableString, "success": boolean, "value": nullableNumber, "location_id": nullableUUID,
            "staff_id": nullableUUID, "staff_name": nullableString, "slot": nullableString,
        ]
        let records: Props = [
            "step": string(), "scope": string(), "scope_name": string(), "period_days": integer(), "start": time,
            "end": time, "result": enumeration(["all", "met", "missed"]), "total": integer(), "successes": integer(),
            "listed": integer(), "page": integer(), "page_size": integer(), "pages": integer(),
            "records": array(ref("ScorecardRecord")),
        ]
        let worded: Props = ["code": string(), "text": string()]
        let customerScore: Props = [
            "customer_id": uuid, "name": nullableString, "segment": string(), "segment_name": string(),
            "at_risk": boolean, "risks": array(string()), "purchases": integer(),
            "probability_alive": nullableNumber, "expected_purchases": nullableNumber,
            "lifetime_value": ["type": ["integer", "null"], "format": "int64", "description": "minor units"],
            "probability_alive_interval": pair(number), "expected_purchases_interval": pair(number),
            "lifetime_value_interval": pair(["type": "integer", "format": "int64"]),
            "currency": nullableString, "discount_share": nullableNumber, "attitude": nullableString,
            "patronage": nullableString, "exclusivity": nullableString,
            "discount_dependent": ["type": ["boolean", "null"]],
            "reason": nullable("Worded"), "context": array(ref("Worded")), "next_action": nullable("Worded"),
        ]
        let segment: Props = [
            "segment": string(), "name": string(), "customers": integer(), "share": nullableNumber,
        ]
        let movement: Props = [
            "since": time, "rows": array(string()), "columns": array(string()), "counts": array(array(integer())),
        ]
        let bin: Props = ["lower": number, "upper": nullableNumber, "customers": integer()]
        let spread: Props = [
            "currency": string(), "customers": integer(), "median": number, "mean": number, "total": number,
            "bins": array(ref("ValueBin")),
        ]
        let referrer: Props = [
            "customer_id": uuid, "name": nullableString, "referred": integer(), "referred_value": integer(),
        ]
        let referrals: Props = [
            "referrals": integer(), "referrers": integer(), "referred": integer(), "satisfied": integer(),
            "satisfied_who_referred": integer(), "currency": nullableString, "referred_value": nullable("Estimate"),
            "other_value": nullable("Estimate"), "top": array(ref("Referrer")),
        ]
        let loyalty: Props = [
            "computed_at": nullableTime, "customers": integer(), "at_risk": integer(),
            "segments": array(ref("Segment")), "repeat_purchases": integer(), "discounted_repeat_purchases": integer(),
            "discounted_share": nullable("Estimate"), "movement": nullable("Movement"),
            "lifetime_value": nullable("ValueSpread"), "referrals": nullable("Referrals"),
            "lifetime_model": nullable("LifetimeModel"), "segment": string(),
            "page": integer(), "pages": integer(), "segment_customers": array(ref("CustomerScore")),
            "at_risk_customers": array(ref("CustomerScore")),
        ]
        let limits: Props = ["value": number, "lower": nullableNumber, "upper": nullableNumber]
        let currencyValue: Props = ["currency": string(), "value": ref("Limits")]
        let holdoutRow: Props = [
            "purchases_before": integer(), "or_more": boolean, "customers": integer(), "actual": number,
            "predicted": number,
        ]
        let trackingWeek: Props = ["week_ending": string(format: "date"), "actual": number, "predicted": number]
        let holdoutModel: Props = [
            "name": string(), "log_likelihood": number, "mean_absolute_error": number,
            "root_mean_squared_error": number, "total_actual": number, "total_predicted": number,
            "total_relative_error": nullableNumber, "tracking_error": nullableNumber,
            "table": array(ref("HoldoutRow")), "tracking": array(ref("TrackingWeek")),
        ]
        let validation: Props = [
            "holdout_weeks": integer(), "calibration_end": string(format: "date"),
            "observation_end": string(format: "date"), "customers": integer(), "holdout_purchases": integer(),
            "chosen": enumeration(PurchaseFit.names),
            "verdict": enumeration(["fits", "overPredicts", "underPredicts", "missesGroup", "notEnoughData"]),
            "verdict_text": string(), "models": array(ref("HoldoutModel")),
        ]
        let effect: Props = [
            "name": string(), "exposed": integer(), "purchase_ratio": ref("Limits"), "dropout_ratio": ref("Limits"),
            "text": string(),
        ]
        let effects: Props = [
            "customers": integer(), "statistic": number, "degrees_of_freedom": integer(), "p_value": number,
            "effects": array(ref("ServiceEffect")),
        ]
        let lifetimeModel: Props = [
            "model": enumeration(PurchaseFit.names), "customers": integer(), "horizon_weeks": number,
            "active_customers": nullable("Limits"), "expected_purchases": nullable("Limits"),
            "lifetime_value": array(ref("CurrencyValue")), "validation": nullable("Validation"),
            "service_effects": nullable("ServiceEffects"),
        ]
        let flag: Props = [
            "measure": string(), "dimension": string(), "slot": string(), "slot_name": string(), "records": integer(),
            "slot_mean": number, "rest_mean": number, "gap": ref("Estimate"), "p_value": number, "q_value": number,
        ]
        let index: Props = ["value": number, "lower": nullableNumber, "upper": nullableNumber]
        let slot: Props = [
            "slot": string(), "name": string(), "records": integer(), "enough_data": boolean,
            "mean": nullable("Estimate"), "worse": boolean, "flagged": boolean,
        ]
        let dimension: Props = [
            "dimension": enumeration(ServiceRecord.Dimension.allCases.map(\.rawValue)), "name": string(),
            "records": integer(), "overall": ref("Estimate"), "index": nullable("ConsistencyIndex"),
            "slots_counted": integer(), "slots": array(ref("Slot")),
        ]
        let week: Props = [
            "week_start": time, "value": number, "records": integer(), "ewma": number, "lower_limit": number,
            "upper_limit": number, "signal": enumeration(["up", "down"], nullable: true),
        ]
        let weekly: Props = [
            "centre": number, "weeks": array(ref("Week")), "ewma_signals": integer(), "cusum_signals": integer(),
        ]
        let consistency: Props = [
            "computed_at": nullableTime, "from": nullableTime, "to": nullableTime,
            "false_discovery_rate": nullableNumber, "tests": integer(),
            "measure": enumeration(ServiceRecord.Measure.allCases.map(\.rawValue)), "measure_name": string(),
            "measures": array(string()), "flags": array(ref("Flag")), "records": integer(),
            "dimensions": array(ref("Dimension")), "weekly": nullable("Weekly"),
        ]
        return [
            "Estimate": closed(estimate), "TrendPoint": closed(trend), "ScorecardFigure": closed(figure),
            "ScorecardPart": closed(part), "Scorecard": closed(scorecard), "ScorecardRecord": closed(record),
            "ScorecardRecords": closed(records), "Worded": closed(worded), "CustomerScore": closed(customerScore),
            "Segment": closed(segment), "Movement": closed(movement), "ValueBin": closed(bin),
            "ValueSpread": closed(spread), "Referrer": closed(referrer), "Referrals": closed(referrals),
            "Loyalty": closed(loyalty), "Flag": closed(flag), "ConsistencyIndex": closed(index), "Slot": closed(slot),
            "Dimension": closed(dimension), "Week": closed(week), "Weekly": closed(weekly),
            "Consistency": closed(consistency), "Limits": closed(limits), "CurrencyValue": closed(currencyValue),
            "HoldoutRow": closed(holdoutRow), "TrackingWeek": closed(trackingWeek),
            "HoldoutModel": closed(holdoutModel), "Validation": closed(validation),
            "ServiceEffect": closed(effect), "ServiceEffects": closed(effects),
            "LifetimeModel": closed(lifetimeModel),
        ]
    }
}
