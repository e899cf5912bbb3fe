import EarnedAnalytics
import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// Tells people what concerns them as it comes, by e-mail (and in Telegram, for those who
/// connected it), each as they chose: a customer's low score (the call-back is theirs), a
/// contact escalated to them, a promise of theirs about to be late, a case handed to them, a
/// weekly control chart out of its usual range (owners). Each notice goes once (by its key),
/// through the outbox, waits for the person's morning when it falls in their quiet hours, or
/// waits for their daily digest when they chose one.
package enum StaffNotifier {
    /// How far back each pass looks for new work; a notice already queued is not queued again.
    package static let lookBack: TimeInterval = 15 * 60

    package static let kinds: [ServiceTask.Kind] = ServiceTask.Kind.allCases.filter {
        NotificationKind.about($0) != nil
    }

    /// One thing to tell one person.
    package struct Notice: Sendable, Hashable {
        package var key: String
        package var kind: NotificationKind
        package var person: StaffID
        package var locationID: LocationID?
        /// What it is about (a task, a case), for the log.
        package var subjectID: UUID?
        package var subject: String
        package var text: String

        package init(
            key: String, kind: NotificationKind, person: StaffID, locationID: LocationID?, subjectID: UUID?,
            subject: String, text: String
        ) {
            self.key = key
            self.kind = kind
            self.person = person
            self.locationID = locationID
            self.subjectID = subjectID
            self.subject = subject
            self.text = text
        }
    }

    /// Where notices can go this time: the business's mail, whether it has a bot, the places.
    package struct Channels: Sendable {
        package var mail: MailSettings
        package var telegram: Bool
        package var locations: [Location]

        package init(mail: MailSettings, telegram: Bool, locations: [Location]) {
            self.mail = mail
            self.telegram = telegram
            self.locations = locations
        }

        package static func load(_ db: any Database) async throws -> Channels {
            let settings = SettingsStore(db: db)
            return Channels(
                mail: try await settings.mail(), telegram: try await settings.telegram() != nil,
                locations: try await LocationRepository(db: db).all())
        }
    }

    /// Queues the notices of work made since `now - lookBack`; answers how many were new.
    @discardableResult
    package static func notify(
        now: Date, linkBase: String, language: String, mail: MailSettings, telegram: Bool = false,
        locations: [Location], on db: any Database
    ) async throws -> Int {
        guard mail.sendsMail || telegram else { return 0 }
        let tasks = try await TaskRepository(db: db).created(kinds: kinds, since: now - lookBack)
        guard !tasks.isEmpty else { return 0 }
        let zones = zones(locations)
        let people = try await StaffRepository(db: db).byIDs(Array(Set(tasks.compactMap(\.assigneeID))))
        let customers = try await CustomerRepository(db: db).byIDs(tasks.compactMap(\.customerID))
        var notices: [Notice] = []
        for task in tasks {
            guard let person = task.assigneeID.flatMap({ people[$0] }), let kind = NotificationKind.about(task.kind)
            else { continue }
            let zone = (person.homeLocationID ?? task.locationID).flatMap { zones[$0] } ?? .gmt
            let (subject, text) = words(
                kind, task: task, customer: task.customerID.flatMap { customers[$0] }, zone: zone,
                link: linkBase + "/tasks/" + task.id.description.lowercased(), language: language)
            notices.append(
                Notice(
                    key: task.key, kind: kind, person: person.id, locationID: task.locationID,
                    subjectID: task.id.rawValue, subject: subject, text: text))
        }
        return try await queue(
            notices, now: now, language: language,
            channels: Channels(mail: mail, telegram: telegram, locations: locations), on: db)
    }

    /// Queues `notices` as each person chose: by e-mail where their notice's location (or the
    /// business) has an outgoing server, in Telegram where they connected it; at once, after
    /// their quiet hours, or held for their daily digest. Answers how many were new.
    @discardableResult
    package static func queue(
        _ notices: [Notice], now: Date, language: String, channels: Channels, on db: any Database
    ) async throws -> Int {
        guard !notices.isEmpty, channels.mail.sendsMail || channels.telegram else { return 0 }
        let zones = zones(channels.locations)
        let settings = SettingsStore(db: db)
        let people = try await StaffRepository(db: db).byIDs(Array(Set(notices.map(\.person))))
        let chats =
            channels.telegram ? try await TelegramStore(db: db).chats(staff: Array(Set(notices.map(\.person)))) : [:]
        var messages: [OutboundMessage] = []
        var choices: [StaffID: NotificationPreferences] = [:]
        for notice in notices {
            guard let person = people[notice.person], person.isActive else { continue }
            let chat = chats[person.id]
            let byMail = channels.mail.outgoing(for: notice.locationID) != nil
            guard byMail || chat != nil else { continue }
            let preferences: NotificationPreferences
            if let known = choices[person.id] {
                preferences = known
            } else {
                preferences = try await settings.notificationPreferences(of: person.id)
                choices[person.id] = preferences
            }
            guard preferences.kinds.contains(notice.kind) else { continue }
            let zone = (person.homeLocationID ?? notice.locationID).flatMap { zones[$0] } ?? .gmt
            // Held (no time) for the digest; else at once, or in the morning.
            let at = preferences.digest ? nil : preferences.hours.nextSendTime(onOrAfter: now, in: zone)
            if preferences.wants(notice.kind), byMail {
                messages.append(
                    OutboundMessage(
                        id: IDGenerator.next(), key: "notification:\(notice.key)", kind: .notification,
                        channel: .email, staffID: person.id, locationID: notice.locationID, taskID: nil,
                        subjectID: notice.subjectID, address: person.email, name: person.name,
                        subject: notice.subject, text: notice.text, language: language, nextAttemptAt: at,
                        createdAt: now))
            }
            if let chat {
                messages.append(
                    OutboundMessage(
                        id: IDGenerator.next(), key: "notification:tg:\(notice.key)", kind: .notification,
                        channel: .messenger, staffID: person.id, locationID: notice.locationID, taskID: nil,
                        subjectID: notice.subjectID, address: chat.address, name: person.name,
                        subject: notice.subject, text: notice.subject + "\n\n" + notice.text, language: language,
                        nextAttemptAt: at, createdAt: now))
            }
        }
        return try await OutboxStore(db: db).enqueue(messages).count
    }

    static func zones(_ locations: [Location]) -> [LocationID: TimeZone] {
        Dictionary(
            locations.map { ($0.id, TimeZone(identifier: $0.timeZone) ?? .gmt) }, uniquingKeysWith: { a, _ in a })
    }

    /// A notice's subject and text, in `language`.
    package static func words(
        _ kind: NotificationKind, task: ServiceTask, customer: Customer?, zone: TimeZone, link: String,
        language: String
    ) -> (subject: String, text: String) {
        let english = language == "en"
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let due = calendar.dateComponents([.day, .month, .hour, .minute], from: task.dueAt)
        let when = String(
            format: "%02d.%02d %02d:%02d", due.day ?? 0, due.month ?? 0, due.hour ?? 0, due.minute ?? 0)
        let who = customer?.name ?? (english ? "a customer" : "клиент")
        let about = task.text.map { "\n\n«\($0)»" } ?? ""
        switch kind {
        case .lowScore:
            return english
                ? ("Low score: \(who)", "\(who) gave a low score. Call them back by \(when).\(about)\n\n\(link)")
                : (
                    "Низкая оценка: \(who)",
                    "\(who) поставил(а) низкую оценку. Перезвоните до \(when).\(about)\n\n\(link)"
                )
        case .escalation:
            return english
                ? (
                    "A reply is overdue: \(who)",
                    "A contact waits past its reply target and is yours now.\(about)\n\n\(link)"
                )
                : ("Ответ просрочен: \(who)", "Обращение ждёт ответа дольше срока и теперь на вас.\(about)\n\n\(link)")
        case .promiseDueSoon:
            return english
                ? ("A promise is due soon: \(who)", "Your promise to \(who) is due at \(when).\(about)\n\n\(link)")
                : ("Скоро срок обещания: \(who)", "Ваше обещание клиенту \(who) — срок \(when).\(about)\n\n\(link)")
        case .caseHanded, .chartJump:
            // Not made from a task: see `caseHanded` and `chartJumps`.
            return (task.text ?? "", link)
        }
    }

    /// The notice of a case handed or transferred to `person` by `actor`.
    package static func caseHanded(
        _ c: ServiceCase, to person: StaffID, by actor: Staff, customer: Customer?, link: String, language: String,
        now: Date
    ) -> Notice {
        let english = language == "en"
        let who = customer?.name ?? (english ? "a customer" : "клиент")
        return Notice(
            key: "case-handed:\(c.id):\(person):\(Int(now.timeIntervalSince1970))", kind: .caseHanded,
            person: person, locationID: c.locationID, subjectID: c.id.rawValue,
            subject: english ? "A case is yours: \(who)" : "Вам передан случай: \(who)",
            text: english
                ? "\(actor.name) handed you the case «\(c.title)» of \(who).\n\n\(link)"
                : "\(actor.name) передал(а) вам случай «\(c.title)» клиента \(who).\n\n\(link)")
    }

    /// Daily digests due at `now`: once a person's hours have begun today (in their time), one
    /// message per channel with every notice held for them before that moment; the held ones are
    /// marked as sent in it, and what comes later in the day waits for tomorrow's. Answers how
    /// many digests were queued.
    @discardableResult
    package static func sendDigests(now: Date, language: String, locations: [Location], on db: any Database)
        async throws -> Int
    {
        let outbox = OutboxStore(db: db)
        let held = try await outbox.heldNotices()
        guard !held.isEmpty else { return 0 }
        let zones = zones(locations)
        let people = try await StaffRepository(db: db).byIDs(Array(Set(held.compactMap(\.staffID))))
        let settings = SettingsStore(db: db)
        var digests: [OutboundMessage] = []
        var included: [UUID: [UUID]] = [:]
        let groups = Dictionary(grouping: held) { "\($0.staffID?.description ?? "")|\($0.address)" }
        for (_, items) in groups.sorted(by: { $0.key < $1.key }) {
            guard let first = items.first, let id = first.staffID, let person = people[id] else { continue }
            let preferences = try await settings.notificationPreferences(of: id)
            let zone = person.homeLocationID.flatMap { zones[$0] } ?? .gmt
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let minute = calendar.component(.hour, from: now) * 60 + calendar.component(.minute, from: now)
            // Within their hours: the digest goes when they begin, with what came before.
            guard minute >= preferences.hours.sendFrom && minute < preferences.hours.sendUntil,
                let dayBegan = calendar.date(
                    bySettingHour: preferences.hours.sendFrom / 60, minute: preferences.hours.sendFrom % 60, second: 0,
                    of: now)
            else { continue }
            // Someone who turned the digest off gets what was held at once.
            let sorted = items.filter { !preferences.digest || $0.createdAt < dayBegan }.sorted {
                $0.createdAt < $1.createdAt
            }
            guard !sorted.isEmpty else { continue }
            let day = calendar.dateComponents([.year, .month, .day], from: now)
            let date = String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
            let english = language == "en"
            let lines = sorted.map { "• " + $0.subject + "\n" + $0.text.replacingOccurrences(of: "\n\n", with: "\n") }
            let subject =
                english
                ? "Earned: \(sorted.count) notice\(sorted.count == 1 ? "" : "s") for today"
                : "Earned: \(sorted.count) \(RussianPlural.form(sorted.count, one: "уведомление", few: "уведомления", many: "уведомлений")) за день"
            digests.append(
                OutboundMessage(
                    id: IDGenerator.next(), key: "digest:\(id):\(first.channel.rawValue):\(date)", kind: .notification,
                    channel: first.channel, staffID: id, locationID: person.homeLocationID, address: first.address,
                    name: person.name, subject: subject,
                    text: (first.channel == .messenger ? subject + "\n\n" : "") + lines.joined(separator: "\n\n"),
                    language: language, nextAttemptAt: now, createdAt: now))
            included[digests[digests.count - 1].id] = sorted.map(\.id)
        }
        // A person's digest of today went already: what came since waits for tomorrow's.
        let queued = try await outbox.enqueue(digests)
        try await outbox.markDigested(queued.flatMap { included[$0.id] ?? [] }, now: now)
        return queued.count
    }
}

extension StaffNotifier {
    /// After a score run, tells the owners which weekly control charts (EWMA or CUSUM) signal at
    /// their latest week: the business's service moved out of its usual range. Each run is
    /// looked at once; each measure's week is told once.
    @discardableResult
    package static func chartJumps(
        now: Date, linkBase: String, language: String, channels: Channels, on db: any Database
    ) async throws -> Int {
        guard channels.mail.sendsMail || channels.telegram else { return 0 }
        let store = ScoreStore(db: db)
        guard let computed = try await store.snapshotTimes(keys: [ConsistencyReport.key])[ConsistencyReport.key]
        else { return 0 }
        let settings = SettingsStore(db: db)
        let mark = "chart-jumps:\(Int(computed.timeIntervalSince1970))"
        guard try await !settings.isMarked(mark) else { return 0 }
        guard let (report, _) = try await store.snapshot(ConsistencyReport.self, key: ConsistencyReport.key) else {
            return 0
        }
        let owners = try await StaffRepository(db: db).all().filter { $0.role == .owner && $0.isActive }
        var notices: [Notice] = []
        for result in report.measures {
            guard let jump = jump(result, computedAt: computed) else { continue }
            let (subject, text) = chartWords(
                result.measure, up: jump.direction == .up, week: jump.week, language: language,
                link: linkBase + "/consistency?measure=" + result.measure.rawValue)
            for owner in owners {
                notices.append(
                    Notice(
                        key:
                            "chart-jump:\(result.measure.rawValue):\(Int(jump.week.timeIntervalSince1970)):\(owner.id)",
                        kind: .chartJump, person: owner.id, locationID: nil, subjectID: nil, subject: subject,
                        text: text))
            }
        }
        let queued = try await queue(notices, now: now, language: language, channels: channels, on: db)
        try await settings.mark(mark, at: now)
        return queued
    }

    /// A measure's signal at its latest week, when that week is recent (within two weeks of the
    /// run): its direction and the week's first day.
    static func jump(_ result: ConsistencyReport.MeasureResult, computedAt: Date) -> (
        direction: ChartSignal.Direction, week: Date
    )? {
        guard let charts = result.charts, let last = charts.points.indices.last, let week = charts.weekStarts.last,
            week >= computedAt - 14 * 86_400
        else { return nil }
        guard let signal = (charts.ewma.signals + charts.cusum.signals).first(where: { $0.index == last }) else {
            return nil
        }
        return (signal.direction, week)
    }

    static func chartWords(_ measure: ServiceRecord.Measure, up: Bool, week: Date, language: String, link: String)
        -> (subject: String, text: String)
    {
        let english = language == "en"
        let name: String
        switch measure {
        case .deliveryOnTime: name = english ? "deliveries on time" : "доставки вовремя"
        case .promiseOnTime: name = english ? "promises kept on time" : "обещания в срок"
        case .firstReplyInTarget: name = english ? "first replies in target" : "первые ответы в срок"
        case .csat: name = english ? "satisfaction (CSAT)" : "удовлетворённость (CSAT)"
        case .surveyResponse: name = english ? "survey answers" : "ответы на опросы"
        case .fastEnough: name = english ? "\"fast enough\" answers" : "ответы «достаточно быстро»"
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let d = calendar.dateComponents([.day, .month, .year], from: week)
        let date = String(format: "%02d.%02d.%04d", d.day ?? 0, d.month ?? 0, d.year ?? 0)
        let better = up
        if english {
            return (
                "A jump in \(name): \(better ? "up" : "down")",
                "The week from \(date): \(name) moved \(better ? "above" : "below") its usual range on the control chart. "
                    + (better
                        ? "Find out what went right, to keep it."
                        : "Find out what changed, before it becomes the norm.")
                    + "\n\n\(link)"
            )
        }
        return (
            "Скачок: \(name) — \(better ? "выше" : "ниже") обычного",
            "Неделя с \(date): \(name) — \(better ? "выше" : "ниже") обычного диапазона на контрольной карте. "
                + (better
                    ? "Выясните, что сработало, чтобы это закрепить."
                    : "Выясните, что изменилось, пока это не стало нормой.")
                + "\n\n\(link)"
        )
    }
}
