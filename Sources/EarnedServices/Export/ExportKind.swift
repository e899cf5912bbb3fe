/// What an export holds: one kind of record, one row per record.
public enum ExportKind: String, Sendable, CaseIterable {
    case customers
    case orders
    case promises
    case cases
    /// Inbound contacts.
    case contacts
    case surveyAnswers = "survey-answers"

    /// The time a period of the export is read on; nil for customers, which have none.
    public var periodField: String? {
        switch self {
        case .customers: nil
        case .orders: "ordered_at"
        case .promises: "due_in_force_at"
        case .cases: "opened_at"
        case .contacts: "received_at"
        case .surveyAnswers: "answered_at"
        }
    }
}
