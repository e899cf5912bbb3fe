import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// Tells people of new work by e-mail (and in Telegram, for those who connected it) as it
/// comes, each as they chose: a customer's low score
/// (the call-back is theirs), a contact escalated to them, a promise of theirs about to be late.
/// Each notice goes once (its key is the task's), through the outbox, from the account of the
/// task's location, and waits for the person's morning when it falls in their quiet hours.
package enum StaffNotifier {
    /// How far back each pass looks for new work; a notice already queued is not queued again.
    package static let lookBack: TimeInterval = 15 * 60

    package static let kinds: [ServiceTask.Kind] = ServiceTask.Kind.allCases.filter {
        NotificationKind.about($0) != nil
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
        // Those who started the bot from their account get their notices in Telegram too.
        let chats =
            telegram ? try await TelegramStore(db: db).chats(staff: Array(Set(tasks.compactMap(\.assigneeID)))) : [:]
        let zones = Dictionary(
            locations.map { ($0.id, TimeZone(identifier: $0.timeZone) ?? .gmt) }, uniquingKeysWith: { a, _ in a })
        let settings = SettingsStore(db: db)
        let people = try await StaffRepository(db: db).byIDs(Array(Set(tasks.compactMap(\.assigneeID))))
        let customers = try await CustomerRepository(db: db).byIDs(tasks.compactMap(\.customerID))
        var messages: [OutboundMessage] = []
        var choices: [StaffID: NotificationPreferences] = [:]
        for task in tasks {
            guard let person = task.assigneeID.flatMap({ people[$0] }), person.isActive,
                let kind = NotificationKind.about(task.kind)
            else { continue }
            let chat = chats[person.id]
            guard mail.outgoing(for: task.locationID) != nil || chat != nil else { continue }
            let preferences: NotificationPreferences
            if let known = choices[person.id] {
                preferences = known
            } else {
                preferences = try await settings.notificationPreferences(of: person.id)
                choices[person.id] = preferences
            }
            guard preferences.kinds.contains(kind) else { continue }
            let zone = (person.homeLocationID ?? task.locationID).flatMap { zones[$0] } ?? .gmt
            let (subject, text) = words(
                kind, task: task, customer: task.customerID.flatMap { customers[$0] }, zone: zone,
                link: linkBase + "/tasks/" + task.id.description.lowercased(), language: language)
            let at = preferences.hours.nextSendTime(onOrAfter: now, in: zone)
            if preferences.wants(kind), mail.outgoing(for: task.locationID) != nil {
                messages.append(
                    OutboundMessage(
                        id: IDGenerator.next(), key: "notification:\(task.key)", kind: .notification, channel: .email,
                        staffID: person.id, locationID: task.locationID, taskID: nil, subjectID: task.id.rawValue,
                        address: person.email, name: person.name, subject: subject, text: text, language: language,
                        nextAttemptAt: at, createdAt: now))
            }
            if let chat {
                messages.append(
                    OutboundMessage(
                        id: IDGenerator.next(), key: "notification:tg:\(task.key)", kind: .notification,
                        channel: .messenger, staffID: person.id, locationID: task.locationID, taskID: nil,
                        subjectID: task.id.rawValue, address: chat.address, name: person.name, subject: subject,
                        text: subject + "\n\n" + text, language: language, nextAttemptAt: at, createdAt: now))
            }
        }
        return try await OutboxStore(db: db).enqueue(messages).count
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
        }
    }
}
