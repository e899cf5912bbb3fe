import EarnedDomain

/// Who works at one demo location, as the generator needs it: who sells in each shift, who
/// takes repair orders, who manages, who may own customer relationships.
struct DemoCrew: Sendable {
    /// Sales staff by shift: index 0 the morning shift, 1 the evening shift.
    var sellersByShift: [[StaffID]]
    var servicers: [StaffID]
    var managerID: StaffID
    var relationshipOwners: [StaffID]
}
