import EarnedDomain
import EarnedServices
import EarnedStore
import Plot
import Vapor

extension TodayPage {
    var body: HTMLNode {
        let s = viewer.s
        let overdue = items.filter { $0.isOverdue(at: now) }
        let rest = items.filter { !$0.isOverdue(at: now) }
        var switcher: HTMLNode = H.empty
        if Policy.may(viewer.staff, .seeTeamWork) {
            switcher = H.el(
                "nav", [("class", "tabs"), ("aria-label", s.todayTitle)],
                [
                    H.el(
                        "a", [("href", SiteURL.today(team: false).path), ("aria-current", team ? nil : "page")],
                        [H.text(s.myAgenda)]),
                    H.el(
                        "a", [("href", SiteURL.today(team: true).path), ("aria-current", team ? "page" : nil)],
                        [H.text(s.teamAgenda)]),
                ])
        }
        var summary: HTMLNode = H.empty
        if team {
            let perPerson = overdueByPerson
            summary =
                perPerson.isEmpty
                ? H.empty
                : H.table(
                    caption: s.overdueCount, headers: [s.assignee, s.overdue],
                    rows: perPerson.sorted { $0.value > $1.value }.map {
                        [H.text(staffNames[$0.key] ?? s.none), H.text(Format.integer($0.value, s.lang))]
                    }, numeric: [1])
        }
        return H.group([
            Layout.pageHead(
                team ? s.teamAgenda : s.todayTitle, action: (SiteURL.newPromise(customer: nil).path, s.newPromise)
            ),
            H.div(
                "actions",
                [
                    H.a(SiteURL.newTask().path, s.newTask, cls: "button"),
                    H.a(SiteURL.tasks.path, s.allTasksLink, cls: "button subtle"),
                    Policy.may(viewer.staff, .changeOthersWork)
                        ? H.a(SiteURL.absences.path, s.absencesTitle, cls: "button subtle") : H.empty,
                ]),
            switcher,
            summary,
            team ? teamFilters(s) : total > Self.pageSize(team: team) ? shown(s) : H.empty,
            items.isEmpty ? H.p("empty", s.nothingToDo) : H.empty,
            overdue.isEmpty ? H.empty : section(s.overdue, overdue, cls: "agenda overdue"),
            rest.isEmpty ? H.empty : section(s.upcoming, rest, cls: "agenda"),
            pager(s),
        ])
    }

    /// The team's agenda narrowed to one person's work or one kind of it, and how many it holds.
    func teamFilters(_ s: Strings) -> HTMLNode {
        return H.group([
            Forms.summary(errors, s),
            H.el(
                "form",
                [("class", "filters list-filters"), ("method", "get"), ("action", SiteURL.today(team: false).path)],
                [
                    Forms.hidden("view", "team"),
                    Forms.select(
                        "person", label: s.personLabel, options: people.map { ($0.id.description, $0.name) },
                        selected: person?.description, errors: errors, s: s, includeBlank: s.anyPerson,
                        id: "filter-person"),
                    Forms.select(
                        "kind", label: s.agendaKindLabel,
                        options: AgendaItem.Source.allCases.map { ($0.rawValue, s.agendaKind($0)) },
                        selected: only?.rawValue, errors: errors, s: s, includeBlank: s.anyKind, id: "filter-kind"),
                    H.div(
                        "form-actions",
                        [
                            Forms.submit(s.showList, cls: "button primary"),
                            H.a(SiteURL.today(team: true).path, s.resetFilters, cls: "button subtle"),
                        ]),
                ]),
            shown(s),
        ])
    }

    /// Which items of how many this page shows.
    func shown(_ s: Strings) -> HTMLNode {
        let first = (page - 1) * Self.pageSize(team: team) + 1
        let last = (page - 1) * Self.pageSize(team: team) + items.count
        return H.p("list-summary", s.agendaShown(from: items.isEmpty ? 0 : first, to: last, of: total))
    }

    func pager(_ s: Strings) -> HTMLNode {
        let size = Self.pageSize(team: team)
        let pages = max(1, (total + size - 1) / size)
        guard pages > 1 else { return H.empty }
        func link(_ p: Int) -> String {
            team
                ? SiteURL.teamAgenda(person: person?.description, kind: only?.rawValue, page: p).path
                : SiteURL.today(team: false, page: p).path
        }
        return H.el(
            "nav", [("class", "pager"), ("aria-label", s.pages)],
            [
                page > 1 ? H.a(link(page - 1), s.previousPage, cls: "button") : H.empty,
                H.span("muted", s.pageOf(page, pages)),
                page < pages ? H.a(link(page + 1), s.nextPage, cls: "button") : H.empty,
            ])
    }

    func section(_ title: String, _ items: [AgendaItem], cls: String) -> HTMLNode {
        H.el("section", [("class", cls)], [H.h2(title), H.el("ul", [("class", "agenda-list")], items.map(row))])
    }

    func row(_ item: AgendaItem) -> HTMLNode {
        let s = viewer.s
        let customer =
            item.customerID.map { id in
                H.a(SiteURL.customer(id.rawValue).path, customerNames[id] ?? s.none)
            } ?? H.empty
        let when: HTMLNode =
            item.dueAt.map { due in
                H.span(
                    item.isOverdue(at: now) ? "badge badge-bad" : "badge badge-neutral",
                    Format.relative(due, now: now, s.lang))
            } ?? H.empty
        let who: HTMLNode =
            team ? H.span("who", item.assigneeID.flatMap { staffNames[$0] } ?? s.none) : H.empty
        var title: HTMLNode = H.empty
        var actions: HTMLNode = H.empty
        switch item.source {
        case .task:
            guard let task = tasks[item.id] else { return H.empty }
            let label = s.taskTitle(task)
            switch task.subject?.kind {
            case .survey: title = H.a(SiteURL.surveyInvitation(task.subject!.id).path, label)
            case .serviceCase: title = H.a(SiteURL.serviceCase(task.subject!.id).path, label)
            case .order: title = H.a(SiteURL.order(task.subject!.id).path, label)
            default: title = H.a(SiteURL.task(task.id.rawValue).path, label)
            }
            actions = H.group([
                taskActions(task),
                // Snooze, hand on, and what it is about: on the task's own page.
                H.a(SiteURL.task(task.id.rawValue).path, s.openTask, cls: "more-link"),
            ])
        case .promise:
            guard let promise = promises[item.id] else { return H.empty }
            title = H.a(SiteURL.promise(item.id).path, s.promiseKind(promise.kind) + ": " + promise.text)
            actions = Forms.form(
                action: SiteURL.promiseAction(item.id).path, csrf: viewer.csrf, cls: "inline",
                [
                    H.void("input", [("type", "hidden"), ("name", "action"), ("value", "keep")]),
                    Forms.submit(s.kept, cls: "button"),
                ])
        case .serviceCase:
            guard let found = cases[item.id] else { return H.empty }
            title = H.a(SiteURL.serviceCase(item.id).path, found.title)
            actions = H.span("badge badge-neutral", s.caseStatus(found.status))
        case .contact:
            guard let contact = contacts[item.id] else { return H.empty }
            title = H.a(SiteURL.contact(item.id).path, s.inboundChannel(contact.channel) + ": " + contact.subject)
            actions = H.span("badge badge-neutral", s.contactStatus(contact.status))
        }
        return H.el(
            "li", [("class", "agenda-item")],
            [H.div("agenda-head", [title, when]), H.div("agenda-meta", [customer, who]), actions])
    }

    func taskActions(_ task: ServiceTask) -> HTMLNode {
        let s = viewer.s
        let path = SiteURL.completeTask(task.id.rawValue).path
        let csrf = viewer.csrf
        let quick = Forms.form(
            action: path, csrf: csrf, cls: "inline",
            [
                H.void("input", [("type", "hidden"), ("name", "status"), ("value", "done")]),
                Forms.submit(s.done, cls: "button"),
            ])
        let skip = Forms.form(
            action: path, csrf: csrf, cls: "inline",
            [
                H.void("input", [("type", "hidden"), ("name", "status"), ("value", "skipped")]),
                Forms.submit(s.skip, cls: "button subtle"),
            ])
        if task.kind == .outreach {
            // Told only when reached, at the time they were: "told first" weighs it against the
            // time the customer got in touch.
            let id = task.id.description
            let what = [task.channel.map { s.channelName($0) }, task.text].compactMap { $0 }.joined(separator: " · ")
            return H.group([
                what.isEmpty ? H.empty : H.p("hint", what),
                Forms.form(
                    action: path, csrf: csrf, cls: "stack",
                    [
                        H.void("input", [("type", "hidden"), ("name", "status"), ("value", "done")]),
                        H.void("input", [("type", "hidden"), ("name", "outcome_form"), ("value", "1")]),
                        Forms.checkbox("reached", label: s.reachedTold, checked: true, id: "reached-\(id)"),
                        Forms.field(
                            "reached_at", label: s.reachedAt, value: nil, type: "datetime-local", errors: [], s: s,
                            id: "reached-at-\(id)"),
                        Forms.submit(s.done, cls: "button"),
                    ]),
                H.div("actions", [skip]),
            ])
        }
        guard task.kind == .followUp || task.kind == .handover else {
            // What to say (a greeting's words, the incident, the contact's subject) and how.
            let what = [task.channel.map { s.channelName($0) }, task.text].compactMap { $0 }.joined(separator: " · ")
            return H.group([what.isEmpty ? H.empty : H.p("hint", what), H.div("actions", [quick, skip])])
        }
        let channel = H.p("hint", s.channelName(task.channel))
        let id = task.id.description
        return H.group([
            channel,
            H.el(
                "details", [("class", "outcome")],
                [
                    H.el("summary", [], [H.text(s.recordOutcome)]),
                    Forms.form(
                        action: path, csrf: csrf,
                        [
                            H.void("input", [("type", "hidden"), ("name", "status"), ("value", "done")]),
                            // An unticked box sends nothing: this says the outcome form was used.
                            H.void("input", [("type", "hidden"), ("name", "outcome_form"), ("value", "1")]),
                            Forms.checkbox("reached", label: s.reached, checked: true, id: "reached-\(id)"),
                            Forms.checkbox("satisfied", label: s.satisfied, checked: false, id: "satisfied-\(id)"),
                            Forms.checkbox(
                                "referral_asked", label: s.referralAsked, checked: false, id: "referral-\(id)"),
                            Forms.field(
                                "problem", label: s.problemFound, value: nil, errors: [], s: s, id: "problem-\(id)"),
                            Forms.submit(s.recordOutcome),
                        ]),
                ]),
            H.div("actions", [skip]),
        ])
    }
}
