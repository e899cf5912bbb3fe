import Foundation
import Testing

@testable import EarnedDomain
@testable import EarnedFormats

@Suite("Contact import")
struct ContactImportParserTests {
    typealias F = ImportFixture
    let now = F.utc("2026-03-12T12:00:00Z")
    let moscow = TimeZone(identifier: "Europe/Moscow")!

    func parse(_ text: String) throws -> [Result<ContactImportParser.Row, ImportProblems>] {
        let document = try CSVReader().read(text)
        let mapping = try CSVHeader(document.records[0]).mapping(aliases: ContactImportParser.aliases)
        #expect(mapping.missingFields(ContactImportParser.requiredFields).isEmpty)
        let parser = ContactImportParser(mapping: mapping, timeZone: moscow, now: now)
        return document.records.dropFirst().map(parser.contact)
    }

    @Test("a Russian help-desk export: good lines become drafts, a bad line names each bad column")
    func russianFile() throws {
        let text = """
            Номер обращения;Код клиента;Точка;Канал;Приоритет;Дата обращения;Тема;Текст;От;Первый ответ;Решено
            T-1;C-17;Центр;Звонок;срочно;10.03.2026 10:15;Течёт кофемашина;Гарантия;+7 916 123-45-67;10.03.2026 10:40;
            T-2;;Центр;Telegram;;10.03.2026 11:00;Где заказ?;;@anna;;
            T-3;C-18;Центр;голубь;;31.02.2026 09:00;;;;;
            T-4;C-19;Север;Отзыв;низкий;2026-03-11T09:00:00+03:00;Плохой сервис;Долго ждал;;;10.03.2026 09:00
            """
        let results = try parse(text)
        #expect(results.count == 4)

        let first = try results[0].get()
        #expect(first.line == 2)
        #expect(first.draft.channel == .call)
        #expect(first.draft.priority == .urgent)
        #expect(first.draft.receivedAt == F.utc("2026-03-10T07:15:00Z"))
        #expect(first.draft.firstResponseAt == F.utc("2026-03-10T07:40:00Z"))
        #expect(first.draft.resolvedAt == nil)
        #expect(first.draft.subject == "Течёт кофемашина")
        #expect(first.draft.body == "Гарантия")
        #expect(first.draft.fromAddress == "+7 916 123-45-67")
        #expect(first.draft.externalID == "T-1")
        #expect(first.draft.locationID == nil)
        #expect(first.customerExternalID == "C-17")
        #expect(first.location == "Центр")

        let second = try results[1].get()
        #expect(second.draft.channel == .messenger)
        #expect(second.draft.priority == nil)
        #expect(second.customerExternalID == nil)

        guard case .failure(let bad) = results[2] else {
            Issue.record("line 4 should fail")
            return
        }
        #expect(bad.list.allSatisfy { $0.line == 4 })
        #expect(Set(bad.list.compactMap(\.column)) == ["Канал", "Дата обращения", "Тема"])
        #expect(bad.list.count == 3)
        #expect(bad.list.first { $0.column == "Канал" }?.reason.contains("голубь") == true)

        guard case .failure(let inconsistent) = results[3] else {
            Issue.record("line 5 should fail")
            return
        }
        #expect(
            inconsistent.list.map(\.description) == [
                #"line 5, column "Решено": cannot be before the contact was received"#
            ])
    }

    @Test("an English file with different headers")
    func englishFile() throws {
        let text = """
            ticket id,customer,store,source,urgency,received,title,message,sender,first response,resolved
            9,C-1,Downtown,e-mail,High,2026-03-11 14:00,Refund?,,anna@example.com,2026-03-11 14:30,2026-03-11 16:00
            10,C-2,Downtown,chat,,2026-03-13 14:00,Hello,,,,
            """
        let results = try parse(text)
        let row = try results[0].get()
        #expect(row.draft.channel == .email)
        #expect(row.draft.priority == .high)
        #expect(row.draft.resolvedAt == F.utc("2026-03-11T13:00:00Z"))
        guard case .failure(let future) = results[1] else {
            Issue.record("a contact received tomorrow should fail")
            return
        }
        #expect(future.list.map(\.column) == ["received"])
        #expect(future.list.map(\.line) == [3])
    }

    @Test(
        "channels in Russian and English",
        arguments: [
            ("звонок", InboundContact.Channel.call), ("Call", .call), ("почта", .email), ("E-mail", .email),
            ("email", .email), ("чат", .chat), ("Чат", .chat), ("мессенджер", .messenger), ("telegram", .messenger),
            ("WhatsApp", .messenger), ("отзыв", .review), ("review", .review), ("визит", .visit), ("Visit", .visit),
        ])
    func channels(_ text: String, _ channel: InboundContact.Channel) {
        #expect(ContactImportParser.channel(text) == channel)
    }

    @Test("unknown spellings are not guessed", arguments: ["", "fax", "голубиная почта"])
    func unknownChannels(_ text: String) {
        #expect(ContactImportParser.channel(text) == nil)
    }

    @Test("priorities in Russian and English")
    func priorities() {
        #expect(ContactImportParser.priority("Срочно") == .urgent)
        #expect(ContactImportParser.priority("высокий") == .high)
        #expect(ContactImportParser.priority("normal") == .normal)
        #expect(ContactImportParser.priority("Low") == .low)
        #expect(ContactImportParser.priority("asap!") == nil)
    }
}
