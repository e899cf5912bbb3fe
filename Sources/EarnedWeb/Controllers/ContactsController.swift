import EarnedDomain
import EarnedStore
import Vapor

/// Inbound contacts from the pages: the queue, logging one, and working it through to resolved.
struct ContactsController {
    struct ContactForm: Content {
        var channel: String?
        var priority: String?
        var subject: String?
        var body: String?
        var from_address: String?
        var customer_id: String?
        var received_at: String?
        var location_id: String?
        var owner_id: String?
    }

    /// The reply clock of each location: its business hours and its reply targets.
    static func clocks(_ locations: [Location], req: Request) async throws -> [LocationID: ReplyClock] {
        let rules = try await req.settings.service()
        return Dictionary(
            uniqueKeysWithValues: locations.map {
                ($0.id, rules.replyClock(for: $0))
            })
    }

    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let contacts = try await req.contacts.unresolved(locations: viewer.staff.visibleLocationIDs)
        let clocks = try await Self.clocks(viewer.locations, req: req)
        let queue = ContactQueue.ordered(
            contacts.compactMap { c in clocks[c.locationID].map { (c, $0.status(of: c, now: req.now)) } })
        let names = try await req.customers.names(contacts.compactMap(\.customerID), s: viewer.s)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let page = ContactListPage(viewer: viewer, queue: queue, names: names, staff: staff, now: req.now).body
        return Layout.response(page, title: viewer.s.contactsTitle, request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = ContactForm(
            channel: InboundContact.Channel.call.rawValue, customer_id: req.query[String.self, at: "customer"],
            received_at: FormDates.inputValue(req.now, zone: viewer.zone))
        return try await render(req, viewer: viewer, form: form, errors: [])
    }

    func render(_ req: Request, viewer: ViewerContext, form: ContactForm, errors: [FieldError]) async throws
        -> Response
    {
        let page = NewContactPage(
            viewer: viewer, form: form, staff: try await req.staffAccounts.list(actor: viewer.staff), errors: errors
        ).body
        return Layout.response(
            page, title: viewer.s.newContact, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = try req.content.decode(ContactForm.self)
        var errors: [FieldError] = []
        func id<T>(_ field: String, _ text: String?) -> Identifier<T>? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let id = Identifier<T>(string: text) else {
                errors.append(FieldError(field: field, code: .unknownReference))
                return nil
            }
            return id
        }
        let received = form.received_at.flatMap { $0.isEmpty ? nil : FormDates.parse($0, zone: viewer.zone) }
        if form.received_at?.isEmpty == false, received == nil {
            errors.append(FieldError(field: "received_at", code: .invalidFormat, detail: "a date and time"))
        }
        let customerID = try await CustomerPicker.resolve(
            form.customer_id, req: req, actor: viewer.staff, required: false, collecting: &errors)
        let draft = InboundContactDraft(
            channel: form.channel.flatMap(InboundContact.Channel.init(rawValue:)),
            priority: form.priority.flatMap(Priority.init(rawValue:)), customerID: customerID,
            locationID: id("location_id", form.location_id), receivedAt: received, subject: form.subject,
            body: form.body, fromAddress: form.from_address, ownerID: id("owner_id", form.owner_id))
        do {
            guard errors.isEmpty else { throw DomainError.invalid(errors) }
            let contact = try await req.contacts.create(draft, actor: viewer.staff, now: req.now)
            return req.redirect(to: SiteURL.contact(contact.id.rawValue).path)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await render(req, viewer: viewer, form: form, errors: fields)
        }
    }

    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        return try await renderContact(req, viewer: viewer, errors: [])
    }

    func renderContact(_ req: Request, viewer: ViewerContext, errors: [FieldError]) async throws -> Response {
        let contact = try await req.contacts.get(try req.entityID("contact") as ContactID, actor: viewer.staff)
        let customer = try await contact.customerID.asyncMap { try await req.customers.get($0, actor: viewer.staff) }
        let status = try await Self.clocks(viewer.locations, req: req)[contact.locationID]?.status(
            of: contact, now: req.now)
        let page = ContactPage(
            viewer: viewer, contact: contact, customer: customer,
            staff: try await req.staffAccounts.list(actor: viewer.staff), status: status, errors: errors
        ).body
        return Layout.response(
            page, title: contact.subject, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct ActionForm: Content {
        var action: String
    }

    func action(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.entityID("contact") as ContactID
        let form = try req.content.decode(ActionForm.self)
        do {
            let contact = try await Self.apply(form.action, to: id, actor: viewer.staff, req: req)
            if form.action == "case", let caseID = contact.caseID {
                return req.redirect(to: SiteURL.serviceCase(caseID.rawValue).path)
            }
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderContact(req, viewer: viewer, errors: fields)
        }
        return req.redirect(to: SiteURL.contact(id.rawValue).path)
    }

    /// One step of a contact's rules, the same from the page and the API. "case" opens a case
    /// for the contact's customer, owned by the actor, and links it.
    static func apply(_ action: String, to id: ContactID, actor: Staff, req: Request) async throws -> InboundContact {
        let now = req.now
        if action == "case" {
            let contact = try await req.contacts.get(id, actor: actor)
            guard contact.caseID == nil else { return contact }
            guard let customer = contact.customerID else {
                throw DomainError.invalid([FieldError(field: "customer_id", code: .required)])
            }
            let opened = try await req.cases.open(
                ServiceCaseDraft(
                    customerID: customer, locationID: contact.locationID, title: contact.subject,
                    detail: contact.body, source: .contact, link: contact.id.rawValue, priority: contact.priority),
                actor: actor, now: now)
            return try await req.contacts.change(id, actor: actor, now: now, summary: "case") { c in
                c.caseID = opened.id
            }
        }
        return try await req.contacts.change(id, actor: actor, now: now, summary: action) {
            (c) throws(DomainError) in
            switch action {
            case "take": try c.assign(to: actor.id, at: now)
            case "respond": try c.respond(at: now, by: actor.id)
            case "wait": try c.startWaiting(at: now)
            case "resume": try c.endWaiting(at: now)
            case "resolve": try c.resolve(at: now, by: actor.id)
            case "reopen": try c.reopen(at: now)
            default: throw .invalid([FieldError(field: "action", code: .invalidChoice)])
            }
        }
    }
}
