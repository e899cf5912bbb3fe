import EarnedDomain
import Foundation

/// The words of the account pages: password, two-factor sign-in, reset links, sign-in rules,
/// and the audit log's kinds of entry.
extension Strings {
    // MARK: Account
    var accountTitle: String { t("Моя учётная запись", "My account") }
    var changePasswordTitle: String { t("Сменить пароль", "Change password") }
    var currentPassword: String { t("Текущий пароль", "Current password") }
    var repeatPassword: String { t("Новый пароль ещё раз", "New password again") }
    var passwordRulesHint: String {
        t(
            "Длинная фраза из нескольких слов надёжнее короткого набора знаков.",
            "A long phrase of several words beats a short jumble.")
    }
    var changePasswordButton: String { t("Сменить пароль", "Change password") }
    var passwordChanged: String {
        t(
            "Пароль изменён. На других устройствах нужно войти заново.",
            "Password changed. Other devices will have to sign in again.")
    }
    var passwordTooLong: String {
        t(
            "Слишком длинный: не больше 72 байт, а русская буква занимает 2.",
            "Too long: at most 72 bytes (a Cyrillic letter takes 2).")
    }
    /// A password field's error in the words of the account pages.
    func passwordError(_ error: FieldError) -> String {
        switch (error.field, error.code) {
        case ("current_password", .inconsistent): wrongCurrentPassword
        case ("new_password_repeat", .inconsistent): passwordsDiffer
        case (_, .outOfRange) where error.detail == PasswordRules.bytesDetail: passwordTooLong
        default: fieldError(error)
        }
    }
    var wrongCurrentPassword: String { t("Текущий пароль неверен.", "The current password is not right.") }
    var passwordsDiffer: String { t("Пароли не совпадают.", "The two passwords differ.") }

    // MARK: Two-factor sign-in
    var twoFactorTitle: String { t("Вход с кодом из приложения", "Two-factor sign-in") }
    var twoFactorExplain: String {
        t(
            "После пароля Earned спросит шестизначный код из приложения-аутентификатора на телефоне (Google Authenticator, Яндекс Ключ, Microsoft Authenticator, 1Password и другие). Пароля одного станет мало, чтобы войти под вашим именем.",
            "After your password Earned asks for a six-digit code from an authenticator app on your phone (Google Authenticator, Microsoft Authenticator, 1Password and others). A password alone is then not enough to sign in as you."
        )
    }
    func twoFactorOnSince(_ date: String) -> String { t("Включён с \(date).", "On since \(date).") }
    var twoFactorOff: String { t("Выключен.", "Off.") }
    var twoFactorSetUp: String { t("Включить", "Set up") }
    var twoFactorUnavailable: String {
        t(
            "Недоступно: на сервере не задан ключ EARNED_SECRET_KEY. Попросите администратора.",
            "Not available: the server has no EARNED_SECRET_KEY. Ask whoever runs Earned.")
    }
    var twoFactorRequiredNotice: String {
        t(
            "Владелец требует вход с кодом. Включите его, чтобы продолжить работу.",
            "The owner requires two-factor sign-in. Set it up to continue.")
    }
    var setupStep1: String {
        t(
            "1. Откройте приложение-аутентификатор и добавьте учётную запись: нажмите ссылку ниже на телефоне или введите ключ вручную.",
            "1. Open your authenticator app and add an account: tap the link below on your phone, or type the key in.")
    }
    var setupLink: String { t("Добавить в приложение", "Add to the app") }
    var setupKey: String { t("Ключ", "Key") }
    var setupKeyHint: String {
        t("Тип: по времени, 6 цифр, 30 секунд.", "Type: time-based, 6 digits, 30 seconds.")
    }
    var setupStep2: String {
        t("2. Введите код, который показывает приложение.", "2. Enter the code the app shows.")
    }
    var code: String { t("Код", "Code") }
    var confirmCode: String { t("Подтвердить", "Confirm") }
    var wrongCode: String {
        t(
            "Код не подошёл. Проверьте, что время на телефоне точное, и введите новый код.",
            "That code did not work. Check that the phone's clock is right and enter a fresh code.")
    }
    var recoveryCodesTitle: String { t("Коды восстановления", "Recovery codes") }
    var recoveryCodesExplain: String {
        t(
            "Если телефон потеряется, войти можно с одним из этих кодов; каждый действует один раз. Сохраните их сейчас — больше они показаны не будут.",
            "If you lose your phone, sign in with one of these codes; each works once. Save them now — they will not be shown again."
        )
    }
    var recoveryCodesDone: String { t("Я сохранил коды — продолжить", "I have saved them — continue") }
    func recoveryCodesLeft(_ n: Int) -> String {
        lang == .ru
            ? "Осталось \(count(n, ru: "код восстановления", "кода восстановления", "кодов восстановления", en: "", ""))."
            : "\(count(n, ru: "", "", "", en: "recovery code", "recovery codes")) left."
    }
    var newRecoveryCodes: String { t("Новые коды восстановления", "New recovery codes") }
    var newRecoveryCodesHint: String {
        t("Старые коды перестанут действовать.", "The old codes stop working.")
    }
    var disableTwoFactor: String { t("Выключить вход с кодом", "Turn off two-factor sign-in") }
    var disableTwoFactorRequired: String {
        t(
            "Владелец требует вход с кодом для всех, поэтому выключить его нельзя.",
            "The owner requires two-factor sign-in for everyone, so it cannot be turned off.")
    }
    var twoFactorTurnedOff: String { t("Вход с кодом выключен.", "Two-factor sign-in is off.") }
    var codeOrRecovery: String { t("Код из приложения или код восстановления", "App code or recovery code") }
    var codeStepTitle: String { t("Код для входа", "Sign-in code") }
    var codeStepExplain: String {
        t(
            "Введите шестизначный код из приложения-аутентификатора. Нет телефона — введите один из кодов восстановления.",
            "Enter the six-digit code from your authenticator app. No phone? Enter one of your recovery codes.")
    }
    var codeStepExpired: String {
        t("Время на ввод кода вышло. Войдите снова.", "The time to enter the code ran out. Sign in again.")
    }
    var codeStepTooMany: String {
        t("Слишком много неверных кодов. Войдите снова.", "Too many wrong codes. Sign in again.")
    }
    var secretKeyMissing: String {
        t(
            "Сервер не может проверить код: ключ EARNED_SECRET_KEY не тот или не задан. Сообщите администратору.",
            "The server cannot check the code: its EARNED_SECRET_KEY is missing or changed. Tell whoever runs Earned.")
    }
    var startOver: String { t("Войти снова", "Sign in again") }

    // MARK: Reset links
    var resetLinkTitle: String { t("Доступ к учётной записи", "Account access") }
    var resetLinkButton: String { t("Сделать ссылку для нового пароля", "Make a password reset link") }
    func resetLinkShown(hours: Int) -> String {
        lang == .ru
            ? "Передайте ссылку сотруднику лично или в мессенджере. Она действует \(count(hours, ru: "час", "часа", "часов", en: "", "")), один раз, и показана только сейчас."
            : "Give this link to the person yourself. It works once, for \(hours) hours, and is shown only now."
    }
    var resetTwoFactorButton: String { t("Сбросить вход с кодом", "Reset two-factor sign-in") }
    var resetTwoFactorHint: String {
        t(
            "Если сотрудник потерял телефон и коды восстановления: после сброса он войдёт по паролю и настроит код заново.",
            "When the person lost their phone and recovery codes: after the reset they sign in with the password and set it up again."
        )
    }
    var twoFactorIsOn: String { t("Вход с кодом включён.", "Two-factor sign-in is on.") }
    var twoFactorIsOff: String { t("Вход с кодом не включён.", "Two-factor sign-in is not set up.") }
    var resetTitle: String { t("Новый пароль", "New password") }
    var forgotLink: String { t("Забыли пароль?", "Forgot your password?") }
    var forgotTitle: String { t("Забыли пароль", "Forgot your password") }
    var forgotHint: String {
        t(
            "Введите адрес, с которым входите: пришлём ссылку, по которой можно задать новый пароль.",
            "Enter the address you sign in with: we will send a link to set a new password.")
    }
    var forgotButton: String { t("Прислать ссылку", "Send the link") }
    var forgotSent: String {
        t(
            "Если этот адрес есть среди сотрудников, ссылка уже в пути. Она работает один раз, 24 часа. Письма нет через 10 минут — проверьте «Спам» или попросите владельца сделать ссылку.",
            "If this address belongs to a member of staff, the link is on its way. It works once, for 24 hours. No mail in 10 minutes? Check the spam folder or ask the owner to make a link."
        )
    }
    var forgotNoMail: String {
        t(
            "Эта компания пока не отправляет письма. Попросите владельца сделать ссылку для нового пароля на вашей странице сотрудника.",
            "This business does not send e-mail yet. Ask the owner to make a password reset link on your staff page."
        )
    }
    func resetLinkMailed(_ address: String) -> String {
        t("Ссылка отправлена на \(address).", "The link was sent to \(address).")
    }
    func resetLinkNotMailed(_ reason: String) -> String {
        t("Письмо не ушло: \(reason)", "The mail did not go: \(reason)")
    }
    func resetLinkMailButton(_ address: String) -> String {
        t("Отправить ссылку на \(address)", "Send a link to \(address)")
    }
    func resetFor(_ name: String) -> String { t("Пароль для: \(name)", "Password for: \(name)") }
    var resetButton: String { t("Сохранить пароль", "Save password") }
    var resetDone: String {
        t(
            "Пароль сохранён. Теперь войдите с ним.",
            "The password is saved. Sign in with it now.")
    }
    var resetInvalid: String {
        t(
            "Ссылка не действует: она уже использована, устарела или скопирована не полностью. Попросите владельца сделать новую.",
            "This link does not work: it was used, it expired, or it was not copied whole. Ask the owner for a new one."
        )
    }

    // MARK: Sign-in rules
    var securityTitle: String { t("Вход", "Sign-in") }
    var requireTwoFactor: String {
        t("Требовать вход с кодом от всех сотрудников", "Require two-factor sign-in for everyone")
    }
    var requireTwoFactorHint: String {
        t(
            "Сотрудник без кода после пароля попадёт на страницу настройки и больше никуда. Его API-токены перестанут работать; после настройки кода нужно сделать новый токен.",
            "A person without it goes from the password straight to setting it up, and nowhere else. Their API tokens stop working; after setting it up they make a new token."
        )
    }
    var requireOwnFirst: String {
        t(
            "Сначала включите вход с кодом для себя — на странице «Моя учётная запись».",
            "Set up two-factor sign-in for yourself first, on “My account”.")
    }
    func peopleWithoutTwoFactor(_ n: Int) -> String {
        lang == .ru
            ? "Без кода: \(count(n, ru: "сотрудник", "сотрудника", "сотрудников", en: "", ""))."
            : "Without it: \(count(n, ru: "", "", "", en: "person", "people"))."
    }
    var rateLimitsTitle: String { t("Ограничения", "Limits") }
    func rateLimitsText(apiPerMinute: Int, failures: Int, minutes: Int) -> String {
        let api =
            apiPerMinute == 0
            ? t("API: без ограничения.", "API: no limit.")
            : t(
                "API: не больше \(apiPerMinute) запросов в минуту на токен (EARNED_API_RATE_LIMIT).",
                "API: at most \(apiPerMinute) requests a minute per token (EARNED_API_RATE_LIMIT).")
        return api
            + t(
                " Вход: после \(failures) неудачных попыток — пауза \(minutes) мин.",
                " Sign-in: after \(failures) failed attempts, a \(minutes) min pause.")
    }

    // MARK: Audit
    var auditPerson: String { t("Сотрудник", "Person") }
    var auditKind: String { t("Событие", "Kind") }
    var auditFrom: String { t("С даты", "From") }
    var auditTo: String { t("По дату", "To") }
    var auditAnyone: String { t("Все", "Everyone") }
    var auditAnyKind: String { t("Все события", "All kinds") }
    var auditShow: String { t("Показать", "Show") }
    var auditExport: String { t("Скачать CSV", "Download CSV") }
    var auditNoMatches: String {
        t("Нет записей с такими условиями.", "No entries match these filters.")
    }
    func auditBadDate(_ field: String) -> String {
        t("Дата в поле «\(field)» — в виде ГГГГ-ММ-ДД.", "The date in “\(field)” must be YYYY-MM-DD.")
    }
    var unknownSignIn: String { t("неизвестная почта", "unknown e-mail") }

    func auditAction(_ action: AuditEntry.Action) -> String {
        switch action {
        case .created: t("создано", "created")
        case .updated: t("изменено", "changed")
        case .merged: t("объединено", "merged")
        case .erased: t("стёрто", "erased")
        case .deleted: t("удалено", "deleted")
        case .imported: t("загружено", "imported")
        case .revoked: t("отозвано", "revoked")
        case .exported: t("выгружено по запросу клиента", "exported on the customer's request")
        case .signedIn: t("вход", "signed in")
        case .signInFailed: t("неудачный вход", "failed sign-in")
        case .signedOut: t("выход", "signed out")
        case .passwordChanged: t("смена пароля", "password changed")
        case .passwordResetLinkCreated: t("ссылка для нового пароля", "reset link made")
        case .passwordReset: t("пароль по ссылке", "password reset")
        case .twoFactorEnabled: t("код включён", "two-factor on")
        case .twoFactorDisabled: t("код выключен", "two-factor off")
        case .recoveryCodeUsed: t("код восстановления", "recovery code used")
        }
    }
}
