import Foundation
import Testing

@testable import EarnedDomain
@testable import EarnedFormats

@Suite("Survey answer import")
struct SurveyImportParserTests {
    typealias F = ImportFixture
    let now = F.utc(2026, 3, 12, 12)

    func parse(_ text: String) throws -> [Result<SurveyImportParser.Row, ImportProblems>] {
        let document = try CSVReader().read(text)
        let mapping = try CSVHeader(document.records[0]).mapping(aliases: SurveyImportParser.aliases)
        try mapping.require(SurveyImportParser.requiredFields)
        let parser = SurveyImportParser(mapping: mapping, timeZone: F.moscow, now: now)
        return document.records.dropFirst().map(parser.answer)
    }

    @Test("a Russian export: good lines become rows, a bad line names each bad column")
    func russianFile() throws {
        let text = """
            Номер ответа;Код клиента;Дата ответа;Оценка;Готовность рекомендовать;Усилия;Покупаете в других местах;Достаточно быстро;Комментарий;Точка;Сотрудник;Канал
            A-1;C-17;10.03.2026 10:15;5;10;2;Только у вас;да;Всё отлично;Центр;Anna@Shop.ru;смс
            A-2;;10.03.2026 11:00;;6;;;нет;;;;
            A-3;C-18;31.02.2026 09:00;6;11;;иногда;может быть;;;;голубь
            ;C-19;01.05.2027;;;;;;;;;
            """
        let results = try parse(text)
        #expect(results.count == 4)

        let first = try results[0].get()
        #expect(first.line == 2)
        #expect(first.externalID == "A-1")
        #expect(first.customerExternalID == "C-17")
        #expect(first.answeredAt == F.utc(2026, 3, 10, 7, 15))
        #expect(
            first.values
                == SurveyAnswerValues(
                    csat: 5, nps: 10, ces: 2, shareOfWallet: .onlyHere, fastEnough: true, comment: "Всё отлично"))
        #expect(first.location == "Центр")
        #expect(first.staffEmail == "anna@shop.ru")
        #expect(first.channel == .sms)

        let second = try results[1].get()
        #expect(second.values == SurveyAnswerValues(nps: 6, fastEnough: false))
        #expect(second.customerExternalID == nil)

        guard case .failure(let bad) = results[2] else {
            Issue.record("line 4 should fail")
            return
        }
        #expect(bad.list.allSatisfy { $0.line == 4 })
        #expect(
            bad.list.compactMap(\.column) == [
                "Дата ответа", "Покупаете в других местах", "Достаточно быстро", "Канал", "Оценка",
                "Готовность рекомендовать",
            ])
        #expect(bad.list.first { $0.column == "Оценка" }?.reason == "is out of range: 1 to 5")
        #expect(bad.list.first { $0.column == "Канал" }?.reason.contains("голубь") == true)

        guard case .failure(let empty) = results[3] else {
            Issue.record("line 5 should fail")
            return
        }
        #expect(empty.list.map(\.column) == ["Номер ответа", "Дата ответа", nil])
        #expect(empty.list[1].reason == "cannot be in the future")
    }

    @Test("English headers and spellings")
    func englishFile() throws {
        let text = """
            response id,customer,date,satisfaction,recommend,effort,buy elsewhere,fast enough,feedback,store,staff email,via
            R-9,C-1,2026-03-01T09:00:00Z,4,9,3,mostly elsewhere,yes,"Good, quick",North,bob@shop.com,telegram
            R-10,C-2,2026-03-01,x,,,,,,,,
            """
        let results = try parse(text)
        let row = try results[0].get()
        #expect(row.values.shareOfWallet == .mostlyElsewhere)
        #expect(row.values.comment == "Good, quick")
        #expect(row.channel == .messenger)
        #expect(row.answeredAt == F.utc(2026, 3, 1, 9))
        guard case .failure(let bad) = results[1] else {
            Issue.record("line 3 should fail")
            return
        }
        #expect(bad.list.map(\.column) == ["satisfaction"])
        #expect(bad.list[0].reason == "not a whole number: 'x'")
    }

    @Test("a file without an id or date column is refused before any line")
    func missingColumns() throws {
        let document = try CSVReader().read("оценка;комментарий\n5;ok")
        let mapping = try CSVHeader(document.records[0]).mapping(aliases: SurveyImportParser.aliases)
        #expect(mapping.missingFields(SurveyImportParser.requiredFields) == ["external_id", "answered_at"])
    }

    @Test(
        "share-of-wallet spellings",
        arguments: [
            ("в основном у вас", ShareOfWallet.mostlyHere), ("Поровну", .aboutHalf), ("about_half", .aboutHalf),
            ("Only here", .onlyHere), ("в основном в других местах", .mostlyElsewhere),
        ])
    func shares(_ text: String, _ share: ShareOfWallet) { #expect(SurveyImportParser.shareOfWallet(text) == share) }
}
