/// The login form: a fresh single-use token, and a refusal or a confirmation (after logout).
/// It never echoes the username.
struct LoginView {
    let title: String
    let token: String
    let error: String?
    let notice: String?
}
