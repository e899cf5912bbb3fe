/// What a column of a written CSV holds, which decides whether a cell that starts like a
/// formula is defused (see ``CSVWriter``).
public enum CSVColumnKind: Sendable, Hashable {
    /// Free text: a cell that starts like a formula is written with a leading `'`.
    case text
    /// Numbers (`-5`, `1234.50`, `1 234,50`, `-12 %`): kept as they are while they look like one.
    case number
    /// Phone numbers (`+79161234567`, `+7 (916) 123-45-67`): kept as they are while they look
    /// like one.
    case phone
}
