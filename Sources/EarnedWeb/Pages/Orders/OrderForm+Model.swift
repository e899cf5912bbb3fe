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

        /// The stored order as the form shows it: amounts as typed, times in the location's zone.
        init(_ o: Order, zone: TimeZone, lang: Lang) {
            customer_id = o.customerID.description
            amount = MoneyText.input(o.amount.minorUnits, lang: lang)
            currency = o.amount.currency
            discount = o.discountMinorUnits > 0 ? MoneyText.input(o.discountMinorUnits, lang: lang) : nil
            quantity = String(o.quantity)
            items_summary = o.itemsSummary
            seller_id = o.sellerID?.description ?? ""
            location_id = o.locationID?.description
            channel = o.channel.rawValue
            placed_at = FormDates.inputValue(o.placedAt, zone: zone)
            promised_at = o.promisedAt.map { FormDates.inputValue($0, zone: zone) }
            delivered_at = o.deliveredAt.map { FormDates.inputValue($0, zone: zone) }
            external_id = o.externalID
        }

        /// Parses the typed text; local times are read in `zone`. The customer comes resolved
        /// (`CustomerPicker`: a name, phone, e-mail or id), with any refusal among `prior`.
        func draft(zone: TimeZone, customerID: CustomerID?, prior: [FieldError] = []) throws -> OrderDraft {
            var errors = prior
            var draft = OrderDraft()
            draft.customerID = customerID
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
                var probe = draft
                probe.customerID = probe.customerID ?? CustomerID()  // its refusal is among `errors` already
                do { _ = try probe.validated(id: OrderID(), now: Date(), defaultCurrency: "RUB") } catch {
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
    /// The order being changed; nil for a new one.
    var editing: Order?
    var values: Values
    var errors: [FieldError]
    var customerName: String?
    var staff: [Staff]
}
