import EarnedDomain
import Foundation

extension Strings {
    // MARK: The public survey page
    var surveyTitle: String { t("Ваше мнение", "Your opinion") }
    var surveyIntro: String {
        t(
            "Спасибо, что нашли минуту. Ответьте на то, что хотите; все вопросы необязательны.",
            "Thank you for taking a minute. Answer what you like; every question is optional.")
    }
    var surveySend: String { t("Отправить ответ", "Send my answer") }
    func surveyAskedBy(_ location: String) -> String {
        t("Спрашивает «\(location)», где вас обслуживали.", "Asked by \(location), where you were served.")
    }
    var surveyYes: String { t("Да", "Yes") }
    var surveyNo: String { t("Нет", "No") }
    var surveyThanksTitle: String { t("Спасибо за ответ!", "Thank you for your answer!") }
    var surveyThanks: String {
        t("Мы прочитаем каждый ответ. Это помогает нам работать лучше.", "We read every answer. It helps us do better.")
    }
    var surveySorry: String {
        t(
            "Нам жаль, что не всё было хорошо. Мы свяжемся с вами, чтобы разобраться.",
            "We are sorry it was not all good. We will contact you to put it right.")
    }
    var surveyUnknownTitle: String { t("Ссылка не найдена", "Link not found") }
    var surveyUnknown: String {
        t(
            "Такой ссылки на опрос нет. Проверьте, что она скопирована целиком.",
            "There is no survey at this link. Check that it was copied in full.")
    }
    var surveyExpiredTitle: String { t("Срок ссылки истёк", "This link has expired") }
    var surveyExpired: String {
        t(
            "Опрос по этой ссылке уже закрыт. Спасибо, что хотели ответить!",
            "The survey at this link is closed. Thank you for wanting to answer!")
    }
    var surveyAnsweredTitle: String { t("Вы уже ответили", "Already answered") }
    var surveyAnswered: String {
        t(
            "На этот опрос уже ответили. Спасибо! Изменить ответ нельзя.",
            "This survey was already answered. Thank you! An answer cannot be changed.")
    }
    var surveyTooMany: String {
        t(
            "Слишком много попыток. Попробуйте через несколько минут.",
            "Too many tries. Please try again in a few minutes.")
    }
    var surveyQuote: String { t("Можно процитировать мой отзыв", "You may quote what I wrote") }
    var surveyReferral: String {
        t("Можно попросить меня порекомендовать вас знакомым", "You may ask me to recommend you to people I know")
    }
    func surveyScaleEnds(_ kind: SurveyQuestion.Kind) -> (low: String, high: String) {
        switch kind {
        case .csat: (t("совсем недоволен", "very dissatisfied"), t("очень доволен", "very satisfied"))
        case .nps: (t("ни в коем случае", "not at all"), t("обязательно", "extremely likely"))
        case .ces: (t("очень легко", "very easy"), t("очень трудно", "very hard"))
        default: ("", "")
        }
    }
}

extension Strings {
    // MARK: Survey pages for staff
    var navSurveys: String { t("Опросы", "Surveys") }
    var surveyResultsTitle: String { t("Мнение клиентов", "What customers say") }
    var surveyResultsHint: String {
        t(
            "Ответы на опросы за период: по точкам, сменам, сотрудникам и каналам. Интервалы — 95 %.",
            "Survey answers in the period by location, shift, person and channel. Intervals are 95 %.")
    }
    func surveyGrouping(_ key: String) -> String {
        switch key {
        case "shift": t("Смена", "Shift")
        case "staff": t("Сотрудник", "Person")
        case "channel": t("Канал", "Channel")
        case "survey": t("Опрос", "Survey")
        default: t("Точка", "Location")
        }
    }
    func lastDays(_ days: Int) -> String { t("\(days) дн.", "\(days) days") }
    var responseRate: String { t("Доля ответов", "Response rate") }
    var answersCount: String { t("Ответов", "Answers") }
    var npsColumn: String { "NPS" }
    var csatColumn: String { t("CSAT: довольны", "CSAT: satisfied") }
    var cesColumn: String { t("CES: трудно", "CES: hard") }
    var fastEnoughColumn: String { t("Достаточно быстро", "Fast enough") }
    var total: String { t("Всего", "Total") }
    var noSurveyData: String { t("За этот период ответов нет.", "No answers in this period.") }
    var npsMethod: String {
        t(
            "Интервал NPS — нормальное приближение дисперсии разности долей промоутеров и критиков (95 %). "
                + "Доли — интервал Уилсона (95 %). Меньше 10 ответов — «мало данных».",
            "The NPS interval is the normal approximation to the variance of the difference of the promoter and "
                + "detractor shares (95 %). Shares use the Wilson score interval (95 %). Under 10 answers: “not enough data”."
        )
    }
    var perceivedTitle: String { t("Скорость: как её видят и как она измерена", "Speed: perceived and measured") }
    var perceivedHint: String {
        t(
            "Обращения, после которых клиент ответил, было ли достаточно быстро, рядом с измеренным временем до первого ответа.",
            "Contacts whose customers said whether it was fast enough, beside the measured time to the first reply.")
    }
    var medianFirstReply: String { t("Медиана первого ответа", "Median first reply") }
    var medianWhenFast: String { t("…когда «быстро»", "…when “fast enough”") }
    var medianWhenSlow: String { t("…когда «медленно»", "…when “not fast enough”") }
    var lowAnswersTitle: String { t("Низкие оценки", "Low scores") }
    var noLowAnswers: String { t("Низких оценок за период нет.", "No low scores in this period.") }
    var answeredAt: String { t("Ответ", "Answered") }
    var scores: String { t("Оценки", "Scores") }
    var comment: String { t("Комментарий", "Comment") }
    var openCase: String { t("Обращение", "Case") }
    var surveyDefinitionsTitle: String { t("Настройка опросов", "Survey settings") }
    var newSurveyTitle: String { t("Новый опрос", "New survey") }
    var surveyInvitationsTitle: String { t("Приглашения", "Invitations") }
    var noSurveys: String { t("Опросов пока нет.", "No surveys yet.") }
    var noInvitations: String { t("Приглашений нет.", "No invitations.") }
    var surveyName: String { t("Название", "Name") }
    var surveyTrigger: String { t("Когда спрашивать", "When to ask") }
    func triggerName(_ key: String) -> String {
        switch key {
        case "order_delivered": t("После выдачи заказа", "After an order is delivered")
        case "contact_resolved": t("После решённого обращения", "After a contact is resolved")
        case "case_closed": t("После закрытого случая", "After a case is closed")
        default: t("Регулярно (отношения)", "Periodically (relationship)")
        }
    }
    var intervalDays: String { t("Раз в сколько дней (для регулярного)", "Every how many days (periodic)") }
    var questionsLabel: String { t("Вопросы", "Questions") }
    func questionName(_ kind: SurveyQuestion.Kind) -> String {
        switch kind {
        case .csat: t("Удовлетворённость (CSAT 1–5)", "Satisfaction (CSAT 1–5)")
        case .nps: t("Готовность рекомендовать (NPS 0–10)", "Recommend (NPS 0–10)")
        case .ces: t("Усилия (CES 1–7)", "Effort (CES 1–7)")
        case .shareOfWallet: t("Покупает ли и в других местах", "Also buys elsewhere?")
        case .fastEnough: t("Было ли достаточно быстро", "Was it fast enough?")
        case .freeText: t("Свободный ответ", "Free text")
        case .quotePermission: t("Разрешение цитировать", "Permission to quote")
        case .referralPermission: t("Разрешение попросить рекомендацию", "Permission to ask for a referral")
        }
    }
    var samplingPercent: String { t("Кого спрашивать, %", "Share asked, %") }
    var delayMinutes: String { t("Задержка после события, минут", "Delay after the event, minutes") }
    var followUpHours: String {
        t("Срок реакции на низкую оценку, рабочих часов", "Follow-up target after a low score, business hours")
    }
    var linkDays: String { t("Ссылка действует, дней", "Link valid for, days") }
    var lowCsat: String { t("Низкая CSAT: не выше", "Low CSAT: at most") }
    var lowNps: String { t("Низкий NPS: не выше", "Low NPS: at most") }
    var lowCes: String { t("Высокая CES: не ниже", "High CES: at least") }
    var surveyActive: String { t("Опрос включён", "The survey is on") }
    var surveyOff: String { t("выключен", "off") }
    var customWordingHint: String {
        t(
            "Тексты вопросов — стандартные на русском и английском; свои формулировки задаются через API.",
            "Questions use the standard Russian and English words; custom wording is set through the API.")
    }
    func invitationState(_ state: SurveyInvitation.State) -> String {
        switch state {
        case .open: t("ждёт ответа", "awaiting answer")
        case .answered: t("отвечено", "answered")
        case .expired: t("истекло", "expired")
        }
    }
    var sendAtColumn: String { t("Отправлено", "Sent") }
    var expiresColumn: String { t("Действует до", "Valid until") }
    var servedBy: String { t("Обслуживал(а)", "Served by") }
    var surveyColumn: String { t("Опрос", "Survey") }
    var answeredColumn: String { t("Ответ получен", "Answered") }
    var anySurvey: String { t("Любой опрос", "Any survey") }
    var allWord: String { t("Все", "All") }
    var getLink: String { t("Получить ссылку для отправки", "Get a link to send") }
    var getLinkHint: String {
        t(
            "Новая ссылка заменяет прежнюю: старая перестанет открываться. Отправьте её клиенту сами.",
            "A new link replaces the previous one, which stops working. Send it to the customer yourself.")
    }
    var linkToSend: String { t("Ссылка для клиента (показана один раз)", "The customer's link (shown once)") }
    var messageToSend: String { t("Текст сообщения", "Message") }
    var sendTo: String { t("Куда", "Send to") }
}

extension Strings {
    var importSurveyAnswers: String {
        t("Ответы прошлых опросов (CSAT, NPS, CES, комментарии)", "Past survey answers (CSAT, NPS, CES, comments)")
    }
}
