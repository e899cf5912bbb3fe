import EarnedDomain
import Foundation

/// The rule for a message to a customer going out by e-mail from Earned itself, in one place
/// for the scheduler's greetings and survey links and for the pages' replies: the message's
/// channel is e-mail, the customer consents to e-mail and has an address, and the location (or
/// the business) has an outgoing server.
package enum CustomerMail {
    package static func directAddress(
        _ customer: Customer, channel: ContactChannel, location: LocationID?, mail: MailSettings
    ) -> String? {
        guard channel == .email, customer.mayContact(via: .email), mail.outgoing(for: location) != nil else {
            return nil
        }
        let address = Tick.address(customer, .email)
        return address.isEmpty ? nil : address
    }

    /// A greeting's subject: its first sentence ("Анна, с днём рождения!"), within 78 characters.
    package static func subject(ofGreeting text: String) -> String {
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        var sentence = line
        if let end = line.firstIndex(where: { "!.?".contains($0) }) { sentence = String(line[...end]) }
        sentence = sentence.trimmingCharacters(in: .whitespaces)
        return sentence.count > 78 ? String(sentence.prefix(77)) + "…" : sentence
    }

    /// A survey invitation's subject.
    package static func surveySubject(language: String) -> String {
        language == "en" ? "How did we do?" : "Как мы справились?"
    }
}
