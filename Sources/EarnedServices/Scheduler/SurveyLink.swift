import EarnedDomain
import EarnedStore
import Foundation

/// A survey's public link and the message that carries it.
package enum SurveyLink {
    /// The public page of a token: `/s/<token>`.
    package static func path(_ token: SurveyToken) -> String { "/s/\(token.text)" }

    package static func url(base: String, token: SurveyToken) -> String { base + path(token) }

    /// A short message with the link, in the customer's language.
    package static func message(link: String, customer: Customer, language: String) -> String {
        let first = customer.name.split(separator: " ").first.map(String.init) ?? ""
        if language == "en" {
            return "\(first.isEmpty ? "Hello" : "Hello, \(first)")! How did we do? Two minutes of your time: \(link)"
        }
        return
            "\(first.isEmpty ? "Здравствуйте" : "Здравствуйте, \(first)")! Как мы справились? Ответ займёт пару минут: \(link)"
    }
}
