import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

extension TokensPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.tokensTitle),
            created.map { secret in
                H.el(
                    "div", [("class", "alert success"), ("role", "status")],
                    [
                        H.p(nil, s.tokenShownOnce),
                        H.el("code", [("class", "secret")], [H.text(secret)]),
                    ])
            } ?? H.empty,
            Forms.form(
                action: SiteURL.tokens.path, csrf: viewer.csrf, cls: "card form inline-form",
                [
                    Forms.field("name", label: s.tokenName, value: nil, required: true, errors: errors, s: s),
                    Forms.submit(s.createToken),
                ]),
            tokens.isEmpty
                ? H.p("empty", s.noTokens)
                : H.table(
                    caption: s.tokensTitle, headers: [s.name, "", s.created, s.lastUsed, ""],
                    rows: tokens.map { token in
                        [
                            H.text(token.name),
                            H.el("code", [], [H.text(token.prefix + "…")]),
                            H.text(viewer.dateTime(token.createdAt)),
                            H.text(token.lastUsedAt.map { viewer.dateTime($0) } ?? s.never),
                            token.revokedAt == nil
                                ? Forms.form(
                                    action: SiteURL.revokeToken(token.id).path, csrf: viewer.csrf, cls: "inline",
                                    [Forms.submit(s.revoke, cls: "button danger small")])
                                : H.badge(s.revoked, tone: "neutral"),
                        ]
                    }),
        ])
    }
}
