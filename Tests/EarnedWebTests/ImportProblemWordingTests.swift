import EarnedDomain
import Testing

@testable import EarnedWeb

@Suite("Import problem wording")
struct ImportProblemWordingTests {
    @Test("the text problems of a line read in Russian and English")
    func textProblems() {
        let ru = Strings(lang: .ru)
        let en = Strings(lang: .en)

        #expect(ru.importProblem(.text(.invalidUTF8)).contains("UTF-8"))
        #expect(en.importProblem(.text(.nul)) == "A NUL character: the file is damaged or not text.")
        #expect(ru.importProblem(.text(.byteOrderMark)) == "Невидимый знак U+FEFF (метка порядка байтов) внутри поля.")
        #expect(
            ru.importProblem(.text(.tooManyFields(count: 5, header: 3)))
                == "В строке 5 полей, а в заголовке 3 колонки: лишний разделитель или кавычка?")
        #expect(
            en.importProblem(.text(.tooManyFields(count: 5, header: 1)))
                == "The line has 5 fields, the header 1 column: a stray separator or quote?")
        #expect(
            ru.importProblem(.text(.repeatedHeader(headerLine: 1)))
                == "Заголовок ещё раз (как в строке 1): не склеены ли два файла?")
    }

    @Test("a file stopped by its quotes or separators names the field or the separators")
    func fileProblems() {
        let ru = Strings(lang: .ru)
        let en = Strings(lang: .en)

        #expect(
            ru.importProblem(.csv(.unterminatedQuote(line: 4, field: 4)))
                == "Кавычка, открытая в поле 4, не закрыта до конца файла.")
        #expect(
            en.importProblem(.csv(.separatorMismatch(line: 2, header: .semicolon, rows: .comma)))
                == "The header is separated by ';' but the lines below it by ','. Save the file with one separator.")
        #expect(
            ru.importProblem(.csv(.separatorMismatch(line: 2, header: .semicolon, rows: .comma)))
                == "Заголовок разделён точкой с запятой «;», а строки под ним — запятой «,». Сохраните файл с одним разделителем."
        )
    }
}
