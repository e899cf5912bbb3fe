import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension CustomerPage {
    var body: HTMLNode {
        let s = viewer.s
        let c = customer
        if c.erasedAt != nil {
            return H.group([
                Layout.pageHead(s.erasedCustomer, subtitle: viewer.dateTime(c.erasedAt)),
                section(s.customerOrders, ordersTable(s)),
            ])
        }
        let ownerName = staff.first { $0.id == c.ownerID }?.name
        let subtitle = [
            s.kindName(c.kind), viewer.locationName(c.homeLocationID), ownerName.map { "\(s.owner): \($0)" },
        ]
        .compactMap { $0 }.joined(separator: " · ")
        return H.group([
            Layout.pageHead(
                c.name, subtitle: subtitle, action: (SiteURL.newOrder(customer: c.id.rawValue).path, s.newOrder)),
            H.div(
                "actions-row",
                [
                    H.a(SiteURL.editCustomer(c.id.rawValue).path, s.edit, cls: "button"),
                    H.a(SiteURL.newPromise(customer: c.id.rawValue).path, s.newPromise, cls: "button"),
                    H.a(SiteURL.newCase(customer: c.id.rawValue).path, s.newCase, cls: "button"),
                    H.a(SiteURL.newContact(customer: c.id.rawValue).path, s.newContact, cls: "button"),
                    c.tags.isEmpty ? H.empty : H.div("tags", c.tags.map { H.badge($0, tone: "neutral") }),
                ]),
            duplicatesSection(s),
            H.div(
                "grid-2",
                [
                    section(s.contacts, contacts(s)),
                    section(s.consent, consentTable(s)),
                ]),
            story.map { story in
                H.div("grid-2", [story.loyaltySection(viewer), story.timelineSection(viewer)])
            } ?? H.empty,
            section(s.customerOrders, ordersTable(s)),
            promises.isEmpty
                ? H.empty
                : section(
                    s.promisesTitle,
                    PromiseViews.table(
                        promises, viewer: viewer, names: [c.id: c.name],
                        people: Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }), now: now)),
            cases.isEmpty
                ? H.empty
                : section(
                    s.navCases,
                    H.table(
                        headers: [s.caseTitle, s.when, s.accountableOwner, s.outcome],
                        rows: cases.map { k in
                            [
                                H.a(SiteURL.serviceCase(k.id.rawValue).path, k.title),
                                H.text(viewer.dateTime(k.openedAt, at: k.locationID)),
                                H.text(staff.first { $0.id == k.ownerID }?.name ?? s.none),
                                H.text(s.caseStatus(k.status)),
                            ]
                        })),
            referralSection(s),
            surveyAnswers.isEmpty
                ? H.empty
                : section(
                    s.navSurveys,
                    H.table(
                        headers: [s.answeredAt, s.scores, s.servedBy, s.comment, s.openCase],
                        rows: surveyAnswers.map { r in
                            [
                                H.text(viewer.dateTime(r.answeredAt, at: r.attribution?.locationID)),
                                H.text(SurveyResultsPage.scoreText(r.values)),
                                H.text(
                                    r.attribution?.staffID.flatMap { id in staff.first { $0.id == id }?.name } ?? s.none
                                ),
                                H.text(r.values.comment ?? ""),
                                r.caseID.map { H.a(SiteURL.serviceCase($0.rawValue).path, s.openCase) } ?? H.empty,
                            ]
                        })),
            H.el(
                "section", [("id", "notes"), ("class", "card")],
                [
                    H.h2(s.notes),
                    Forms.form(
                        action: SiteURL.customerNotes(c.id.rawValue).path, csrf: viewer.csrf,
                        [
                            Self.alert(problems.note),
                            Forms.textarea("text", label: s.addNote, value: nil, rows: 2, errors: [], s: s),
                            Forms.submit(s.addNote, cls: "button"),
                        ]),
                    notes.isEmpty
                        ? H.p("muted", s.noNotes)
                        : H.el(
                            "ul", [("class", "notes")],
                            notes.map { note in
                                H.el(
                                    "li", [],
                                    [
                                        H.p(nil, note.text),
                                        H.p(
                                            "muted small",
                                            [
                                                staff.first { $0.id == note.authorID }?.name,
                                                viewer.dateTime(note.createdAt),
                                            ].compactMap { $0 }.joined(separator: " · ")),
                                    ])
                            }),
                ]),
            Policy.may(viewer.staff, .exportData)
                ? H.el(
                    "p", [("class", "muted small")],
                    [
                        H.el(
                            "a", [("href", SiteURL.customerExport(customer.id.rawValue).path), ("download", "")],
                            [
                                H.text(s.customerDataExport)
                            ]),
                        H.text(" — " + s.customerDataExportHint),
                    ])
                : H.empty,
            telegramLine(s),
            Policy.may(viewer.staff, .mergeCustomers) ? mergeSection(s) : H.empty,
            Policy.may(viewer.staff, .eraseCustomers) ? eraseSection(s) : H.empty,
            history.isEmpty
                ? H.empty
                : section(
                    s.history,
                    H.el(
                        "ul", [("class", "history")],
                        history.map { entry in
                            H.el(
                                "li", [],
                                [
                                    H.text(
                                        "\(viewer.dateTime(entry.at)) · \(staff.first { $0.id == entry.actorID }?.name ?? s.system) · \(s.workEvent(entry))"
                                    )
                                ])
                        })),
        ])
    }

    static func alert(_ message: String?) -> HTMLNode {
        guard let message else { return H.empty }
        return H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(message)])
    }

    func section(_ title: String, _ content: HTMLNode) -> HTMLNode {
        H.el("section", [("class", "card")], [H.h2(title), content])
    }

    func contacts(_ s: Strings) -> HTMLNode {
        let c = customer
        var rows: [(String, String)] = []
        for contact in c.contacts {
            let label: String =
                switch contact.channel {
                case .phone: s.phone
                case .email: s.email
                default: s.contactChannel(contact.channel)
                }
            rows.append((label, contact.channel == .phone ? PhoneFormat.display(contact.value) : contact.value))
        }
        if let city = c.city { rows.append((s.city, city)) }
        if let address = c.address { rows.append((s.address, address)) }
        for date in c.dates {
            let label = date.kind == .birthday ? s.birthday : (date.label ?? s.dates)
            rows.append((label, Format.localDate(date.date, viewer.lang)))
        }
        rows.append((s.language, s.languageName(c.language)))
        if let channel = c.preferredChannel { rows.append((s.preferredChannel, s.contactChannel(channel))) }
        if let external = c.externalID { rows.append((s.externalID, external)) }
        return CaseViews.facts(rows.map { ($0.0, H.text($0.1)) })
    }

    /// Who brought this customer, whom they brought, and a form to record a new one.
    func referralSection(_ s: Strings) -> HTMLNode {
        func link(_ id: CustomerID) -> HTMLNode {
            H.a(SiteURL.customer(id.rawValue).path, referralNames[id] ?? s.none)
        }
        var facts: [(String, HTMLNode)] = []
        if !referrals.broughtBy.isEmpty {
            facts.append((s.broughtBy, H.group(referrals.broughtBy.map { link($0.referrerID) })))
        }
        if !referrals.gave.isEmpty {
            facts.append(
                (
                    s.referred,
                    H.group(
                        referrals.gave.enumerated().map { index, r in
                            H.group([index > 0 ? H.text(", ") : H.empty, link(r.referredID)])
                        })
                ))
        }
        return H.el(
            "section", [("id", "referrals"), ("class", "card")],
            [
                H.h2(s.referralsTitle),
                facts.isEmpty ? H.p("muted", s.noReferrals) : CaseViews.facts(facts),
                Forms.form(
                    action: SiteURL.customerReferrals(customer.id.rawValue).path, csrf: viewer.csrf, cls: "inline",
                    [
                        Self.alert(problems.referral),
                        Forms.field("referred", label: s.recordReferral, value: nil, errors: [], s: s),
                        Forms.submit(s.save, cls: "button"),
                    ]),
            ])
    }

    func consentTable(_ s: Strings) -> HTMLNode {
        H.el(
            "ul", [("class", "consents")],
            ContactChannel.consentable.map { channel in
                let consent = customer.consent(for: channel)
                let state: HTMLNode =
                    switch consent?.given {
                    case true: H.badge("✓ " + s.consentGiven, tone: "good")
                    case false: H.badge("✕ " + s.consentWithdrawn, tone: "bad")
                    default: H.badge(s.consentNone, tone: "neutral")
                    }
                return H.el(
                    "li", [],
                    [
                        H.span("consent-channel", s.contactChannel(channel)), state,
                        consent.map { H.span("muted small", "\(viewer.dateTime($0.at)) · \($0.source)") } ?? H.empty,
                    ])
            })
    }

    func ordersTable(_ s: Strings) -> HTMLNode {
        guard !orders.isEmpty else { return H.p("muted", s.noOrdersYet) }
        return H.group([
            OrderRows.table(orders, viewer: viewer, staff: staff, showCustomer: false),
            moreOrders ? H.a(SiteURL.orders().path, s.navOrders + " →") : H.empty,
        ])
    }

    /// The other cards of possible duplicate pairs with this customer, each with its reasons.
    func duplicatesSection(_ s: Strings) -> HTMLNode {
        guard !duplicates.isEmpty else { return H.empty }
        return H.el(
            "section", [("id", "duplicates"), ("class", "card")],
            [
                H.h2(s.duplicatesTitle),
                H.p("muted", s.customerDuplicatesHint),
                H.el(
                    "ul", [],
                    duplicates.map { pair in
                        let other = pair.first.id == customer.id ? pair.second : pair.first
                        return H.el(
                            "li", [],
                            [
                                H.a(SiteURL.customer(other.id.rawValue).path, other.name),
                                H.text(" — " + pair.reasons.map(s.duplicateReason).joined(separator: ", ")),
                            ])
                    }),
                H.a(SiteURL.customerDuplicates().path, s.allDuplicates),
            ])
    }

    func mergeSection(_ s: Strings) -> HTMLNode {
        dangerZone(
            title: s.mergeTitle, hint: s.mergeHint, problem: problems.merge,
            action: SiteURL.mergeCustomer(customer.id.rawValue).path,
            field: Forms.field("duplicate", label: s.duplicateID, value: nil, required: true, errors: [], s: s),
            button: Forms.submit(s.merge, cls: "button"))
    }

    func eraseSection(_ s: Strings) -> HTMLNode {
        dangerZone(
            title: s.erase, hint: s.eraseHint, problem: problems.erase,
            action: SiteURL.eraseCustomer(customer.id.rawValue).path,
            field: Forms.field(
                "confirm", label: s.eraseConfirm, value: nil, required: true, errors: [], s: s,
                attributes: [("autocomplete", "off")]),
            button: Forms.submit(s.erase, cls: "button danger"))
    }

    /// A folded section for a weighty action; open, with the reason, when it was refused.
    func dangerZone(
        title: String, hint: String, problem: String?, action: String, field: HTMLNode, button: HTMLNode
    ) -> HTMLNode {
        H.el(
            "details", [("class", "card danger-zone"), ("open", problem == nil ? nil : "")],
            [
                H.el("summary", [], [H.text(title)]),
                H.p("muted", hint),
                Self.alert(problem),
                Forms.form(action: action, csrf: viewer.csrf, [field, button]),
            ])
    }

    /// The customer's Telegram: the chat they started with the bot, or a button that makes
    /// their personal start link.
    func telegramLine(_ s: Strings) -> HTMLNode {
        guard telegramBot else { return H.empty }
        if let chat = telegramChat {
            return H.p("muted small", s.telegramCustomerConnected(chat.label, since: viewer.dateTime(chat.startedAt)))
        }
        return Forms.form(
            action: SiteURL.customerTelegramLink(.value(customer.id.rawValue)).path, csrf: viewer.csrf, cls: "inline",
            [Forms.submit(s.telegramLinkButton, cls: "button"), H.span("muted small", s.telegramLinkButtonHint)])
    }
}
