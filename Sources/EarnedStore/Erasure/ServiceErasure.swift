import EarnedDomain
import FluentKit
import Foundation

/// Erasing a customer clears the words of the service work about them — promises, cases,
/// inbound contacts, tasks, survey comments, and webhook payloads not yet sent — and keeps what the figures
/// need. Runs inside the erasure's transaction.
enum ServiceErasure {
    static func erase(_ customer: CustomerID, alsoKnownAs merged: [CustomerID] = [], on db: any Database)
        async throws
    {
        let id = customer.rawValue
        for record in try await PromiseRecord.query(on: db).filter(\.$customerID == id).all() {
            try record.apply(try record.domain().redacted())
            try await record.update(on: db)
        }
        for record in try await ServiceCaseRecord.query(on: db).filter(\.$customerID == id).all() {
            try record.apply(try record.domain().redacted())
            try await record.update(on: db)
        }
        var contacts: [UUID] = []
        for record in try await InboundContactRecord.query(on: db).filter(\.$customerID == id).all() {
            try record.apply(try record.domain().redacted())
            try await record.update(on: db)
            if let contact = record.id { contacts.append(contact) }
        }
        // Their mail: the words, the names and addresses, and the files go; the times stay.
        try await ErasureQueries.clearMailThreads(of: contacts, on: db)
        for record in try await ServiceTaskRecord.query(on: db).filter(\.$customerID == id).all() {
            record.apply(record.domain.redacted())
            try await record.update(on: db)
        }
        // Survey answers keep their scores for the figures, not the customer's words; their
        // open links stop working.
        try await ErasureQueries.clearSurveys(of: customer, on: db)
        // Messages for gateways (a greeting's words and address) that were not delivered yet
        // are not sent at all; those sent keep their delivery record, not their words.
        try await ErasureQueries.clearWebhookPayloads(naming: [customer] + merged, on: db)
        try await ErasureQueries.clearOutbox(of: [customer] + merged, on: db)
    }
}
