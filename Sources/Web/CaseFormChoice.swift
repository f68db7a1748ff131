/// One option of a select, or one checkbox, on the case pages: the value the form sends, the
/// words shown, and whether it starts chosen (`selected` for an option, `checked` for a box).
struct CaseFormChoice {
    let value: String
    let label: String
    var selected = false
    var checked = false
}
