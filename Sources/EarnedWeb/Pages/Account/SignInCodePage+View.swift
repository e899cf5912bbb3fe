import EarnedDomain
import Foundation

extension SignInCodePage {
    var body: HTMLNode {
        H.el(
            "section", [("class", "sign-in card")],
            [
                H.h1(s.codeStepTitle),
                H.p("muted", s.codeStepExplain),
                message.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
                Forms.form(
                    action: SiteURL.signInCode(next: nil).path, csrf: csrf,
                    [
                        Forms.hidden("next", next ?? ""),
                        AccountPage.codeField(
                            "code", label: s.codeOrRecovery, message: fieldMessage,
                            attributes: [
                                ("autocomplete", "one-time-code"), ("autocapitalize", "off"), ("spellcheck", "false"),
                                ("autofocus", ""),
                            ]),
                        Forms.submit(s.confirmCode),
                    ]),
                H.el("p", [], [H.a(SiteURL.signIn(next: next).path, s.startOver)]),
            ])
    }
}
