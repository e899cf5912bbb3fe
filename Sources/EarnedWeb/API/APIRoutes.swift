import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The JSON API under /api/v1. Every handler calls the same repositories as the pages.
struct APIRoutes: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped(IdempotencyMiddleware())
        Self.registerRecords(api)
        Self.registerService(api)
        Self.registerSettings(api)
        Self.registerSurveys(api)
        Self.registerForecasts(api)
        Self.registerDuplicates(api)
        Self.registerAnalytics(api)
        Self.registerExports(api)
    }

    /// Who is calling, customers, orders, locations and staff.
    static func registerRecords(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.me.pathComponents, use: me)
        api.get(SiteURL.API.customers.pathComponents, use: listCustomers)
        api.post(SiteURL.API.customers.pathComponents, use: createCustomer)
        api.get(SiteURL.API.customer(.key).pathComponents, use: getCustomer)
        api.patch(SiteURL.API.customer(.key).pathComponents, use: updateCustomer)
        api.post(SiteURL.API.customerMerge(.key).pathComponents, use: mergeCustomer)
        api.post(SiteURL.API.customerErase(.key).pathComponents, use: eraseCustomer)
        api.get(SiteURL.API.customerExport(.key).pathComponents, use: exportCustomer)
        api.get(SiteURL.API.customerNotes(.key).pathComponents, use: customerNotes)
        api.post(SiteURL.API.customerNotes(.key).pathComponents, use: addCustomerNote)
        api.get(SiteURL.API.orders.pathComponents, use: listOrders)
        api.post(SiteURL.API.orders.pathComponents, use: createOrder)
        api.get(SiteURL.API.order(.key).pathComponents, use: getOrder)
        api.patch(SiteURL.API.order(.key).pathComponents, use: updateOrder)
        api.delete(SiteURL.API.order(.key).pathComponents, use: deleteOrder)
        api.post(SiteURL.API.orderActions(.key).pathComponents, use: orderAction)
        api.get(SiteURL.API.locations.pathComponents, use: listLocations)
        api.post(SiteURL.API.locations.pathComponents, use: createLocation)
        api.get(SiteURL.API.location(.key).pathComponents, use: getLocation)
        api.patch(SiteURL.API.location(.key).pathComponents, use: updateLocation)
        api.get(SiteURL.API.staffList.pathComponents, use: listStaff)
        api.post(SiteURL.API.staffList.pathComponents, use: createStaff)
        api.get(SiteURL.API.staff(.key).pathComponents, use: getStaff)
        api.patch(SiteURL.API.staff(.key).pathComponents, use: updateStaff)
    }

    static func me(_ req: Request) throws -> StaffDTO { StaffDTO(try req.actor()) }

    static func listCustomers(_ req: Request) async throws -> ListDTO<CustomerDTO> {
        let query = CustomerQuery(
            search: req.query[String.self, at: "q"], locationID: try uuid(req, "location_id").map(LocationID.init),
            ownerID: try uuid(req, "owner_id").map(StaffID.init), tag: req.query[String.self, at: "tag"],
            cursor: req.query[String.self, at: "cursor"], limit: try limit(req))
        let page = try await req.customers.list(query, actor: try req.actor())
        return ListDTO(items: page.items.map(CustomerDTO.init), next_cursor: page.nextCursor)
    }

    static func createCustomer(_ req: Request) async throws -> Response {
        let input = try req.content.decode(CustomerInput.self)
        let customer = try await req.customers.create(input.draft, actor: try req.actor(), now: req.now)
        try await GreetingActions.greetToday(customer, in: req.serviceContext)
        return try await created(
            CustomerDTO(customer), req, location: .customer(customer.id.rawValue), resource: customer.id.rawValue)
    }

    static func getCustomer(_ req: Request) async throws -> CustomerDTO {
        CustomerDTO(try await req.customers.get(try id(req, "customer"), actor: try req.actor()))
    }

    static func updateCustomer(_ req: Request) async throws -> CustomerDTO {
        let input = try req.content.decode(CustomerInput.self)
        let customer = try await req.customers.update(
            try id(req, "customer"), input.draft, actor: try req.actor(), now: req.now)
        try await GreetingActions.greetToday(customer, in: req.serviceContext)
        return CustomerDTO(customer)
    }

    static func mergeCustomer(_ req: Request) async throws -> CustomerDTO {
        let input = try req.content.decode(MergeInput.self)
        guard let duplicate = input.duplicate_id else {
            throw DomainError.invalid([FieldError(field: "duplicate_id", code: .required)])
        }
        return CustomerDTO(
            try await req.customers.merge(
                survivor: try id(req, "customer"), absorbed: CustomerID(duplicate), actor: try req.actor(),
                now: req.now))
    }

    static func eraseCustomer(_ req: Request) async throws -> Response {
        try await req.customers.erase(try id(req, "customer"), actor: try req.actor(), now: req.now)
        return Response(status: .noContent)
    }

    static func exportCustomer(_ req: Request) async throws -> Response {
        try await req.customers.export(try id(req, "customer"), actor: try req.actor(), now: req.now).download()
    }

    static func customerNotes(_ req: Request) async throws -> [NoteDTO] {
        try await req.customers.notes(of: try id(req, "customer"), actor: try req.actor()).map(NoteDTO.init)
    }

    static func addCustomerNote(_ req: Request) async throws -> Response {
        let input = try req.content.decode(NoteInput.self)
        let note = try await req.customers.addNote(
            to: try id(req, "customer"), text: input.text ?? "", actor: try req.actor(), now: req.now)
        return try await created(NoteDTO(note), req, location: nil, resource: note.customerID.rawValue)
    }

    static func listOrders(_ req: Request) async throws -> ListDTO<OrderDTO> {
        let query = OrderQuery(
            customerID: try uuid(req, "customer_id").map(CustomerID.init),
            locationID: try uuid(req, "location_id").map(LocationID.init),
            sellerID: try uuid(req, "seller_id").map(StaffID.init), from: try req.queryDate("from"),
            to: try req.queryDate("to"),
            cursor: req.query[String.self, at: "cursor"], limit: try limit(req))
        let page = try await req.orders.list(query, actor: try req.actor())
        return ListDTO(items: page.items.map(OrderDTO.init), next_cursor: page.nextCursor)
    }

    static func createOrder(_ req: Request) async throws -> Response {
        let input = try req.content.decode(OrderInput.self)
        let order = try await OrderActions.record(input.draft, actor: try req.actor(), in: req.serviceContext)
        return try await created(
            OrderDTO(order), req, location: .order(order.id.rawValue), resource: order.customerID.rawValue)
    }

    static func getOrder(_ req: Request) async throws -> OrderDTO {
        OrderDTO(try await req.orders.get(try id(req, "order"), actor: try req.actor()))
    }

    static func updateOrder(_ req: Request) async throws -> OrderDTO {
        let input = try req.content.decode(OrderInput.self)
        return OrderDTO(
            try await OrderActions.update(
                try id(req, "order"), input.draft, actor: try req.actor(), in: req.serviceContext))
    }

    static func orderAction(_ req: Request) async throws -> OrderDTO {
        let input = try req.content.decode(OrderActionInput.self)
        let id: OrderID = try id(req, "order")
        let actor = try req.actor()
        switch try required(input.action, "action") {
        case "deliver":
            return OrderDTO(
                try await OrderActions.deliver(id, at: input.delivered_at, actor: actor, in: req.serviceContext))
        case "cancel":
            return OrderDTO(
                try await OrderActions.cancel(id, reason: input.reason, actor: actor, in: req.serviceContext))
        case "return":
            return OrderDTO(
                try await OrderActions.markReturned(id, reason: input.reason, actor: actor, in: req.serviceContext))
        default:
            throw DomainError.invalid([
                FieldError(field: "action", code: .invalidChoice, detail: "deliver, cancel, return")
            ])
        }
    }

    static func deleteOrder(_ req: Request) async throws -> Response {
        try await req.orders.delete(try id(req, "order"), actor: try req.actor(), now: req.now)
        return Response(status: .noContent)
    }

    static func listLocations(_ req: Request) async throws -> [LocationDTO] {
        try await req.locations.visible(to: try req.actor()).map(LocationDTO.init)
    }

    static func createLocation(_ req: Request) async throws -> Response {
        let input = try req.content.decode(LocationInput.self)
        let location = try await req.locations.create(input.draft, actor: try req.actor(), now: req.now)
        return try await created(LocationDTO(location), req, location: .location(location.id.rawValue), resource: nil)
    }

    static func getLocation(_ req: Request) async throws -> LocationDTO {
        LocationDTO(try await req.locations.get(try id(req, "location"), actor: try req.actor()))
    }

    static func updateLocation(_ req: Request) async throws -> LocationDTO {
        let input = try req.content.decode(LocationInput.self)
        return LocationDTO(
            try await req.locations.update(
                try id(req, "location"), input.draft, actor: try req.actor(), now: req.now))
    }

    static func listStaff(_ req: Request) async throws -> [StaffDTO] {
        try await req.staffAccounts.list(actor: try req.actor()).map(StaffDTO.init)
    }

    static func createStaff(_ req: Request) async throws -> Response {
        let input = try req.content.decode(StaffInput.self)
        var errors: [FieldError] = []
        do { _ = try input.draft.validated(id: StaffID(), now: req.now) } catch {
            if case DomainError.invalid(let found) = error { errors = found }
        }
        let hash: String?
        do { hash = try await passwordHash(input.password, required: true, req) } catch let error as DomainError {
            guard case .invalid(let found) = error else { throw error }
            throw DomainError.invalid(errors + found)
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        let staff = try await req.staffAccounts.create(
            input.draft, passwordHash: hash, actor: try req.actor(), now: req.now)
        return try await created(StaffDTO(staff), req, location: .staff(staff.id.rawValue), resource: nil)
    }

    static func getStaff(_ req: Request) async throws -> StaffDTO {
        StaffDTO(try await req.staffAccounts.get(try id(req, "staff"), actor: try req.actor()))
    }

    static func updateStaff(_ req: Request) async throws -> StaffDTO {
        let input = try req.content.decode(StaffInput.self)
        let hash = try await passwordHash(input.password, required: false, req)
        return StaffDTO(
            try await req.staffAccounts.update(
                try id(req, "staff"), input.draft, passwordHash: hash, actor: try req.actor(), now: req.now))
    }

    static func passwordHash(_ password: String?, required: Bool, _ req: Request) async throws -> String? {
        guard let password, !password.isEmpty else {
            if required { throw DomainError.invalid([FieldError(field: "password", code: .required)]) }
            return nil
        }
        let problems = PasswordRules.problems(password)
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        return try await req.password.async.hash(password)
    }

    static func created<T: Content>(_ body: T, _ req: Request, location: SiteURL.API?, resource: UUID?) async throws
        -> Response
    {
        let response = try await body.encodeResponse(status: .created, for: req)
        if let location { response.headers.replaceOrAdd(name: .location, value: location.path) }
        if let resource { req.storage[IdempotencyMiddleware.ResourceKey.self] = resource }
        return response
    }

    static func id<T>(_ req: Request, _ what: String) throws -> Identifier<T> { try req.entityID(what) }

    static func uuid(_ req: Request, _ name: String) throws -> UUID? {
        guard let raw = req.query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let id = UUID(uuidString: raw) else {
            throw DomainError.invalid([FieldError(field: name, code: .invalidFormat, detail: "a UUID")])
        }
        return id
    }

    static func limit(_ req: Request) throws -> Int {
        guard let raw = req.query[String.self, at: "limit"] else { return 50 }
        guard let value = Int(raw), (1...500).contains(value) else {
            throw DomainError.invalid([FieldError(field: "limit", code: .outOfRange, detail: "1 to 500")])
        }
        return value
    }

}

/// ISO 8601 times in the API, with or without fractional seconds; a bare date is midnight UTC.
enum APIDates {
    static func parse(_ text: String) -> Date? { ISO8601Text.parse(text) }

    static func format(_ date: Date) -> String { ISO8601Text.format(date) }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "an ISO 8601 date-time such as 2026-11-23T14:05:00Z")
            }
            return date
        }
        return decoder
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
