import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Plot
import Vapor

/// Inbound contacts: by default the queue (every unresolved one, most urgent reply first); with a
/// state, person, location, channel, period or customer, the matching ones newest first, a page
/// at a time with the count; either view as CSV.
struct ContactListPage {
    var viewer: ViewerContext
    var params: ListParams
    /// The queue, when no filter is chosen.
    var queue: [ContactQueue.Item]
    /// The filtered list, otherwise.
    var page: ResultPage<InboundContact>?
    var names: [CustomerID: String]
    var staff: [Staff]
    var now: Date
    var errors: [FieldError]

    /// No filter at all: the queue.
    static func isQueue(_ params: ListParams) -> Bool {
        params.status == nil && params.person == nil && params.location == nil && params.kind == nil
            && params.from == nil && params.to == nil && params.q == nil
    }

    static func query(_ req: Request, viewer: ViewerContext, params: ListParams, limit: Int = 50) async throws
        -> (ContactRepository.Query, [FieldError])
    {
        var read = params.read(zone: viewer.zone)
        var query = ContactRepository.Query(
            owner: read.person, location: read.location, from: read.from, to: read.to, cursor: params.cursor,
            limit: limit)
        if let raw = params.status, raw != "all" {
            query.status = InboundContact.Status(rawValue: raw)
            if query.status == nil { read.errors.append(FieldError(field: "status", code: .invalidChoice)) }
        }
        if let raw = params.kind {
            query.channel = InboundContact.Channel(rawValue: raw)
            if query.channel == nil { read.errors.append(FieldError(field: "kind", code: .invalidChoice)) }
        }
        if let q = params.q {
            query.customers = try await req.customers.list(CustomerQuery(search: q, limit: 500), actor: viewer.staff)
                .items.map(\.id)
        }
        return (query, read.errors)
    }

    static func queue(_ req: Request, viewer: ViewerContext) async throws -> [ContactQueue.Item] {
        let contacts = try await req.contacts.unresolved(locations: viewer.staff.visibleLocationIDs)
        let clocks = try await ContactActions.clocks(viewer.locations, on: req.database)
        return ContactQueue.ordered(
            contacts.compactMap { c in clocks[c.locationID].map { (c, $0.status(of: c, now: req.now)) } })
    }

    static func load(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> ContactListPage {
        var queue: [ContactQueue.Item] = []
        var page: ResultPage<InboundContact>?
        var errors: [FieldError] = []
        if isQueue(params) {
            queue = try await Self.queue(req, viewer: viewer)
        } else {
            let (query, problems) = try await Self.query(req, viewer: viewer, params: params)
            errors = problems
            page = try await req.contacts.search(query, actor: viewer.staff)
        }
        let contacts = queue.map(\.contact) + (page?.items ?? [])
        return ContactListPage(
            viewer: viewer, params: params, queue: queue, page: page,
            names: try await req.customers.names(contacts.compactMap(\.customerID), s: viewer.s),
            staff: try await req.staffAccounts.list(actor: viewer.staff), now: req.now, errors: errors)
    }

    static func csv(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> Response {
        var contacts: [InboundContact] = []
        if isQueue(params) {
            contacts = try await Self.queue(req, viewer: viewer).map(\.contact)
        } else {
            var (query, _) = try await Self.query(req, viewer: viewer, params: params, limit: 500)
            contacts = try await ListViews.everyPage { cursor in
                query.cursor = cursor
                return try await req.contacts.search(query, actor: viewer.staff)
            }
        }
        let s = viewer.s
        let names = try await req.customers.names(contacts.compactMap(\.customerID), s: s)
        let people = Dictionary(
            try await req.staffAccounts.list(actor: viewer.staff).map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        return ListViews.csv(
            headers: [
                s.receivedAt, s.subject, s.channel, s.priorityLabel, s.status, s.customer, s.ownerLabel, s.location,
            ],
            rows: contacts.map { c in
                [
                    viewer.dateTime(c.receivedAt, at: c.locationID), c.subject, s.inboundChannel(c.channel),
                    s.priorityName(c.priority), s.contactStatus(c.status),
                    c.customerID.flatMap { names[$0] } ?? c.fromAddress ?? "", c.ownerID.flatMap { people[$0] } ?? "",
                    viewer.locationName(c.locationID),
                ]
            }, dialect: params.csv, filename: "contacts")
    }
}
