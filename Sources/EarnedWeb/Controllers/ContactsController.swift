import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Inbound contacts from the pages: the queue, logging one, and working it through to resolved.
struct ContactsController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let params = ListParams(req)
        if params.csv != nil { return try await ContactListPage.csv(req, viewer: viewer, params: params) }
        let page = try await ContactListPage.load(req, viewer: viewer, params: params)
        return Layout.response(page.body, title: viewer.s.contactsTitle, request: req)
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

    func renderContact(
        _ req: Request, viewer: ViewerContext, errors: [FieldError], replyText: String? = nil
    ) async throws -> Response {
        let contact = try await req.contacts.get(try req.entityID("contact") as ContactID, actor: viewer.staff)
        let customer = try await contact.customerID.asyncMap { try await req.customers.get($0, actor: viewer.staff) }
        let status = try await ContactActions.clocks(viewer.locations, on: req.database)[contact.locationID]?.status(
            of: contact, now: req.now)
        let thread = try await MailThreadStore(db: req.database).messages(of: contact.id)
        let deliveries = try await OutboxStore(db: req.database).messages(ids: thread.compactMap(\.outboundID))
        let page = ContactPage(
            viewer: viewer, contact: contact, customer: customer,
            staff: try await req.staffAccounts.list(actor: viewer.staff), status: status, errors: errors,
            thread: thread, deliveries: deliveries,
            replyRoute: try await MailReply.route(
                for: contact, thread: thread, customer: customer, on: req.database),
            replyText: replyText
        ).body
        return Layout.response(
            page, title: contact.subject, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct ActionForm: Content {
        var action: String
        var staff_id: String?
    }

    func action(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.entityID("contact") as ContactID
        let form = try req.content.decode(ActionForm.self)
        do {
            let contact = try await ContactActions.apply(
                form.action, to: id, actor: viewer.staff, in: req.serviceContext,
                staffID: form.staff_id.flatMap(StaffID.init(string:)))
            if form.action == "case", let caseID = contact.caseID {
                return req.redirect(to: SiteURL.serviceCase(caseID.rawValue).path)
            }
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderContact(req, viewer: viewer, errors: fields)
        }
        return req.redirect(to: SiteURL.contact(id.rawValue).path)
    }

    /// A reply by e-mail or in Telegram: queued in the contact's thread; the contact counts as answered.
    func reply(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.entityID("contact") as ContactID
        let text = try req.content.decode([String: String].self)["text"]
        do {
            try await MailReply.send(text, to: id, actor: viewer.staff, now: req.now, on: req.database)
        } catch DomainError.invalid(let fields) {
            return try await renderContact(req, viewer: viewer, errors: fields, replyText: text)
        }
        return req.redirect(to: SiteURL.contact(id.rawValue).path + "#conversation")
    }

    /// A file that came with the contact's mail, for whoever may see the contact.
    func file(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let contact = try await req.contacts.get(try req.entityID("contact") as ContactID, actor: actor)
        guard let raw = req.parameters.get("file"), let fileID = UUID(uuidString: raw),
            let file = try await MailThreadStore(db: req.database).attachment(fileID), file.contact == contact.id
        else { throw DomainError.notFound("file") }
        let response = Response(status: .ok, body: .init(data: file.data))
        // Never shown inline: a file from a stranger's mail is not run in the page's origin.
        response.headers.replaceOrAdd(name: .contentType, value: "application/octet-stream")
        response.headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename*=UTF-8''"
                + (file.filename.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "file"))
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        return response
    }
}
