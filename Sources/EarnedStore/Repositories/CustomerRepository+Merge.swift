import EarnedDomain
import FluentKit
import Foundation

extension CustomerRepository {
    /// Moves every record that refers to `absorbed` onto `survivor`: orders, notes, touches,
    /// survey invitations and answers, incident outreach, referrals (column moves,
    /// `CustomerMergeQueries`), and promises, cases, inbound contacts and tasks, whose documents
    /// name the customer too.
    static func moveHistory(from absorbed: CustomerID, to survivor: CustomerID, on db: any Database) async throws {
        let from = absorbed.rawValue
        try await CustomerMergeQueries.moveColumns(from: from, to: survivor.rawValue, on: db)
        for record in try await PromiseRecord.query(on: db).filter(\.$customerID == from).all() {
            var promise = try record.domain()
            promise.customerID = survivor
            try record.apply(promise)
            try await record.update(on: db)
        }
        for record in try await ServiceCaseRecord.query(on: db).filter(\.$customerID == from).all() {
            var serviceCase = try record.domain()
            serviceCase.customerID = survivor
            try record.apply(serviceCase)
            try await record.update(on: db)
        }
        for record in try await InboundContactRecord.query(on: db).filter(\.$customerID == from).all() {
            var contact = try record.domain()
            contact.customerID = survivor
            try record.apply(contact)
            try await record.update(on: db)
        }
        let tasks = try await ServiceTaskRecord.query(on: db).group(.or) {
            $0.filter(\.$customerID == from).group(.and) {
                $0.filter(\.$subjectKind == ServiceTask.Subject.Kind.customer.rawValue).filter(\.$subjectID == from)
            }
        }.all()
        for record in tasks {
            var task = record.domain
            if task.customerID == absorbed { task.customerID = survivor }
            if task.subject?.kind == .customer, task.subject?.id == from { task.subject?.id = survivor.rawValue }
            record.apply(task)
            try await record.update(on: db)
        }
    }
}
