import EarnedDomain
import Plot
import Vapor

/// Recording an order: amounts typed as a person writes them ("1 234,50").
struct OrderForm {
    struct Values: Content {
        var customer_id: String?
        var amount: String?
        var currency: String?
        var discount: String?
        var quantity: String?
        var items_summary: String?
        var seller_id: String?
        var location_id: String?
        var channel: String?
        var placed_at: String?
        var promised_at: String?
        var delivered_at: String?
        var external_id: String?

        init() {}

        /// Parses the typed text; local times are read in the viewer's zone.
        func draft(zone: TimeZone) throws -> OrderDraft {
            var errors: [FieldError] = []
            var draft = OrderDraft()
            if let raw = customer_id?.trimmingCharacters(in: .whitespaces), !raw.isEmpty {
                let candidate = raw.split(separator: "/").last.map(String.init) ?? raw
                if let id = CustomerID(string: candidate) {
                    draft.customerID = id
                } else {
                    errors.append(FieldError(field: "customer_id", code: .unknownReference))
                }
            }
            draft.amountMinorUnits = parseMoney("amount", amount, errors: &errors)
            draft.discountMinorUnits = parseMoney("discount", discount, errors: &errors) ?? 0
            if let q = quantity?.trimmingCharacters(in: .whitespaces), !q.isEmpty {
                if let n = Int(q) {
                    draft.quantity = n
                } else {
                    errors.append(FieldError(field: "quantity", code: .invalidFormat, detail: "a whole number"))
                }
            }
            draft.currency = currency?.trimmingCharacters(in: .whitespaces).uppercased()
            draft.itemsSummary = items_summary
            draft.sellerID = seller_id.flatMap(StaffID.init(string:))
            draft.locationID = location_id.flatMap(LocationID.init(string:))
            draft.channel = channel.flatMap(Order.SalesChannel.init(rawValue:))
            draft.placedAt = parseTime("placed_at", placed_at, zone: zone, errors: &errors)
            draft.promisedAt = parseTime("promised_at", promised_at, zone: zone, errors: &errors)
            draft.deliveredAt = parseTime("delivered_at", delivered_at, zone: zone, errors: &errors)
            draft.externalID = external_id
            if !errors.isEmpty {
                do { _ = try draft.validated(id: OrderID(), now: Date(), defaultCurrency: "RUB") } catch {
                    if case .invalid(let more) = error {
                        errors += more.filter { m in !errors.contains { $0.field == m.field } }
                    }
                }
                throw DomainError.invalid(errors)
            }
            return draft
        }

        func parseMoney(_ field: String, _ text: String?, errors: inout [FieldError]) -> Int64? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            if let value = MoneyText.minorUnits(text) { return value }
            errors.append(FieldError(field: field, code: .invalidFormat, detail: "an amount such as 1234,50"))
            return nil
        }

        func parseTime(_ field: String, _ text: String?, zone: TimeZone, errors: inout [FieldError]) -> Date? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            if let date = FormDates.parse(text, zone: zone) { return date }
            errors.append(FieldError(field: field, code: .invalidFormat, detail: "YYYY-MM-DD HH:MM"))
            return nil
        }
    }

    var viewer: ViewerContext
    var values: Values
    var errors: [FieldError]
    var customerName: String?
    var staff: [Staff]

    var body: HTMLNode {
        let s = viewer.s
        let e = errors
        return H.group([
            Layout.pageHead(s.newOrder, subtitle: customerName),
            Forms.summary(e, s),
            Forms.form(
                action: "/orders", csrf: viewer.csrf, cls: "card form",
                [
                    Forms.field(
                        "customer_id", label: s.customer, value: values.customer_id, hint: s.customerIDHint,
                        required: true, errors: e, s: s),
                    Forms.field(
                        "amount", label: s.amount, value: values.amount, required: true, errors: e, s: s,
                        attributes: [("inputmode", "decimal")]),
                    Forms.field("items_summary", label: s.items, value: values.items_summary, errors: e, s: s),
                    Forms.select(
                        "location_id", label: s.location, options: viewer.locationOptions,
                        selected: values.location_id ?? viewer.staff.homeLocationID?.description, errors: e, s: s),
                    Forms.field(
                        "promised_at", label: s.promisedAt, value: values.promised_at, type: "datetime-local",
                        errors: e, s: s),
                    H.el(
                        "details", [("class", "more"), ("open", e.isEmpty ? nil : "")],
                        [
                            H.el("summary", [], [H.text(s.more)]),
                            Forms.field(
                                "discount", label: s.discount, value: values.discount, errors: e, s: s,
                                attributes: [("inputmode", "decimal")]),
                            Forms.field("currency", label: s.currency, value: values.currency, errors: e, s: s),
                            Forms.field(
                                "quantity", label: s.quantity, value: values.quantity, type: "number", errors: e, s: s),
                            Forms.select(
                                "seller_id", label: s.seller,
                                options: staff.filter(\.isActive).map { ($0.id.description, $0.name) },
                                selected: values.seller_id ?? viewer.staff.id.description, errors: e, s: s,
                                includeBlank: s.none),
                            Forms.select(
                                "channel", label: s.channel,
                                options: Order.SalesChannel.allCases.map { ($0.rawValue, s.salesChannel($0)) },
                                selected: values.channel, errors: e, s: s),
                            Forms.field(
                                "placed_at", label: s.placedAt, value: values.placed_at, type: "datetime-local",
                                errors: e, s: s),
                            Forms.field(
                                "delivered_at", label: s.deliveredAt, value: values.delivered_at,
                                type: "datetime-local", errors: e, s: s),
                            Forms.field("external_id", label: s.externalID, value: values.external_id, errors: e, s: s),
                        ]),
                    H.div("form-actions", [Forms.submit(s.save)]),
                ]),
        ])
    }
}
