import Foundation

/// How many of the invitations sent were answered.
public struct ResponseRate: Hashable, Codable, Sendable {
    public let answered: Int
    public let sent: Int

    public init(answered: Int, sent: Int) {
        self.answered = answered
        self.sent = sent
    }

    /// Answered / sent, 0…1; nil when nothing was sent.
    public var rate: Double? { sent > 0 ? Double(answered) / Double(sent) : nil }

    /// "5 ответов из 21 приглашения" / "5 answers of 21 invitations".
    public func text(language: String) -> String {
        if language == "ru" {
            let answers = RussianPlural.form(answered, one: "ответ", few: "ответа", many: "ответов")
            let invitations = RussianPlural.form(sent, one: "приглашения", few: "приглашений", many: "приглашений")
            return "\(answered) \(answers) из \(sent) \(invitations)"
        }
        return
            "\(answered) \(answered == 1 ? "answer" : "answers") of \(sent) \(sent == 1 ? "invitation" : "invitations")"
    }
}
