import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The customers pages: list with search, the customer's page, create, edit, notes, merge, erase.
struct CustomersController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let search = req.query[String.self, at: "q"]?.trimmingCharacters(in: .whitespaces)
        let location = req.query[String.self, at: "location"].flatMap(UUID.init(uuidString:)).map(LocationID.init)
        let cursor = req.query[String.self, at: "cursor"]
        let query = CustomerQuery(search: search, locationID: location, cursor: cursor, limit: 50)
        let page = try await req.customers.list(query, actor: viewer.staff)
        let total =
            (search?.isEmpty ?? true) && location == nil ? try await req.customers.count(actor: viewer.staff) : nil
        var model = CustomerListPage(
            viewer: viewer, search: search, location: location, customers: page.items, next: page.nextCursor,
            isFirstPage: cursor == nil, total: total)
        model.mayMerge = cursor == nil && Policy.may(viewer.staff, .mergeCustomers)
        return Layout.response(model.body, title: viewer.s.customersTitle, request: req)
    }

    func show(_ req: Request) async throws -> Response {
        let id = try customerID(req)
        return try await render(req, id: id, problems: .init())
    }

    /// The customer's page, with any problem of its small forms (note, merge, erase) shown in
    /// that form.
    func render(_ req: Request, id: CustomerID, problems: CustomerPage.Problems, status: HTTPResponseStatus = .ok)
        async throws -> Response
    {
        let viewer = try await ViewerContext.load(req)
        let customer = try await req.customers.get(id, actor: viewer.staff)
        if customer.id != id { return req.redirect(to: SiteURL.customer(customer.id.rawValue).path) }
        let orders = try await req.orders.list(OrderQuery(customerID: customer.id, limit: 20), actor: viewer.staff)
        let notes = try await req.customers.notes(of: customer.id, actor: viewer.staff)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let history =
            Policy.may(viewer.staff, .viewAuditLog)
            ? try await req.audit.recent(by: viewer.staff, limit: 20, entityID: customer.id.rawValue) : []
        let visible = viewer.staff.visibleLocationIDs
        let promises = try await req.promises.list(
            .all, customer: customer.id, locations: visible, now: req.now, limit: 20)
        let cases = try await req.cases.list(locations: visible, activeOnly: false, customer: customer.id, limit: 20)
        let referrals = try await req.referrals.of(customer.id)
        let referralNames = try await req.customers.names(
            referrals.gave.map(\.referredID) + referrals.broughtBy.map(\.referrerID), s: viewer.s)
        let answers = try await SurveyRepository(db: req.database).responses(of: customer.id).filter {
            viewer.staff.canSee(location: $0.attribution?.locationID) || $0.attribution?.staffID == viewer.staff.id
        }
        var model = CustomerPage(
            viewer: viewer, customer: customer, orders: orders.items, moreOrders: orders.nextCursor != nil,
            notes: notes, staff: staff, history: history, problems: problems, promises: promises, cases: cases,
            referrals: referrals, referralNames: referralNames, surveyAnswers: Array(answers.prefix(20)),
            now: req.now)
        if Policy.may(viewer.staff, .mergeCustomers), customer.erasedAt == nil {
            model.duplicates = try await req.customers.duplicates(of: customer.id, actor: viewer.staff)
        }
        if customer.erasedAt == nil, try await req.settings.telegram() != nil {
            model.telegramBot = true
            model.telegramChat = try await TelegramStore(db: req.database).chats(customers: [customer.id])[customer.id]
        }
        let contacts = try await req.contacts.list(locations: visible, customer: customer.id, limit: 20)
        let touches =
            try await TouchRepository(db: req.database).since(
                req.now.addingTimeInterval(-Score.lookBack), customers: [customer.id])[customer.id] ?? []
        model.story = try await CustomerStory.load(
            req.database, customer: customer, page: model, contacts: contacts, touches: touches)
        return Layout.response(
            model.body, title: customer.erasedAt == nil ? customer.name : viewer.s.erasedCustomer, request: req,
            status: status)
    }

    /// Re-shows the customer's page when a small form was refused; other errors go on.
    func refused(
        _ req: Request, id: CustomerID, _ error: any Error, field: WritableKeyPath<CustomerPage.Problems, String?>
    ) async throws -> Response {
        let s = req.strings
        var problems = CustomerPage.Problems()
        switch error {
        case DomainError.invalid(let errors): problems[keyPath: field] = errors.map(s.fieldError).joined(separator: " ")
        case DomainError.conflict(let why): problems[keyPath: field] = why
        case DomainError.notFound:
            problems[keyPath: field] = s.fieldError(FieldError(field: "", code: .unknownReference))
        default: throw error
        }
        return try await render(req, id: id, problems: problems, status: .unprocessableEntity)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = CustomerForm(
            viewer: viewer, customer: nil, values: .init(), errors: [],
            staff: try await req.staffAccounts.list(actor: viewer.staff))
        return Layout.response(form.body, title: viewer.s.newCustomer, request: req)
    }

    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let values = try req.content.decode(CustomerForm.Values.self)
        do {
            let customer = try await req.customers.create(
                values.draft(existing: nil, now: req.now), actor: viewer.staff, now: req.now)
            try await GreetingActions.greetToday(customer, in: req.serviceContext)
            return req.redirect(to: SiteURL.customer(customer.id.rawValue).path)
        } catch DomainError.invalid(let errors) {
            let form = CustomerForm(
                viewer: viewer, customer: nil, values: values, errors: errors,
                staff: try await req.staffAccounts.list(actor: viewer.staff))
            return Layout.response(form.body, title: viewer.s.newCustomer, request: req, status: .unprocessableEntity)
        }
    }

    func edit(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let customer = try await req.customers.get(try customerID(req), actor: viewer.staff)
        let form = CustomerForm(
            viewer: viewer, customer: customer, values: .init(customer, lang: viewer.lang), errors: [],
            staff: try await req.staffAccounts.list(actor: viewer.staff))
        return Layout.response(form.body, title: viewer.s.editCustomer, request: req)
    }

    func update(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let existing = try await req.customers.get(try customerID(req), actor: viewer.staff)
        let values = try req.content.decode(CustomerForm.Values.self)
        do {
            let customer = try await req.customers.update(
                existing.id, values.draft(existing: existing, now: req.now), actor: viewer.staff, now: req.now)
            try await GreetingActions.greetToday(customer, in: req.serviceContext)
            return req.redirect(to: SiteURL.customer(customer.id.rawValue).path)
        } catch DomainError.invalid(let errors) {
            let form = CustomerForm(
                viewer: viewer, customer: existing, values: values, errors: errors,
                staff: try await req.staffAccounts.list(actor: viewer.staff))
            return Layout.response(form.body, title: viewer.s.editCustomer, request: req, status: .unprocessableEntity)
        }
    }

    struct NoteForm: Content {
        var text: String?
    }

    func addNote(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let id = try customerID(req)
        let form = try req.content.decode(NoteForm.self)
        do {
            _ = try await req.customers.addNote(to: id, text: form.text ?? "", actor: actor, now: req.now)
        } catch {
            return try await refused(req, id: id, error, field: \.note)
        }
        return req.redirect(to: SiteURL.customer(id.rawValue).path + "#notes")
    }

    struct ReferralForm: Content {
        var referred: String?
    }

    /// Records that this customer brought another one, named by name, phone, e-mail or id.
    func addReferral(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let id = try customerID(req)
        let form = try req.content.decode(ReferralForm.self)
        do {
            let referred = try await CustomerPicker.resolve(
                form.referred, req: req, actor: actor, required: true, field: "referred_id")
            _ = try await req.referrals.record(
                ReferralDraft(referrerID: id, referredID: referred), actor: actor, now: req.now)
        } catch {
            return try await refused(req, id: id, error, field: \.referral)
        }
        return req.redirect(to: SiteURL.customer(id.rawValue).path + "#referrals")
    }

    struct MergeForm: Content {
        var duplicate: String?
    }

    func merge(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let id = try customerID(req)
        let form = try req.content.decode(MergeForm.self)
        let raw = (form.duplicate ?? "").trimmingCharacters(in: .whitespaces)
        // Accept a pasted page address as well as a bare id.
        let candidate = raw.split(separator: "/").last.map(String.init) ?? raw
        do {
            guard let duplicate = CustomerID(string: candidate) else {
                throw DomainError.invalid([
                    FieldError(field: "duplicate", code: .invalidFormat, detail: "a customer id")
                ])
            }
            _ = try await req.customers.merge(survivor: id, absorbed: duplicate, actor: actor, now: req.now)
        } catch {
            return try await refused(req, id: id, error, field: \.merge)
        }
        return req.redirect(to: SiteURL.customer(id.rawValue).path)
    }

    struct EraseForm: Content {
        var confirm: String?
    }

    func erase(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let id = try customerID(req)
        let form = try req.content.decode(EraseForm.self)
        let word = (form.confirm ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        guard word == "СТЕРЕТЬ" || word == "ERASE" else {
            var problems = CustomerPage.Problems()
            problems.erase = req.strings.eraseConfirm
            return try await render(req, id: id, problems: problems, status: .unprocessableEntity)
        }
        try await req.customers.erase(id, actor: actor, now: req.now)
        return req.redirect(to: SiteURL.customer(id.rawValue).path)
    }

    /// Everything held about the customer as one JSON file, for their access request.
    func export(_ req: Request) async throws -> Response {
        try await req.customers.export(try customerID(req), actor: try req.actor(), now: req.now).download()
    }

    func customerID(_ req: Request) throws -> CustomerID { try req.entityID("customer") }
}
