/// Why exact arithmetic gave up. The checker never rounds: when a fraction would leave `Int`,
/// the computation stops and the caller treats the question as unanswered (and therefore the
/// release as not proven safe) instead of trapping or continuing with a wrong number.
enum ExactArithmeticError: Error, Equatable, Sendable {
    case overflow
    case divisionByZero
}
