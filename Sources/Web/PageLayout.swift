/// What every page's frame needs: language and direction, the catalogue's strings, the quick
/// exit, the language chooser and the query that keeps the language in links.
struct PageLayout {
    struct LanguageChoice {
        let code: String
        let name: String
        let url: String
        let current: Bool
    }

    let lang: String
    let dir: String
    let t: [String: String]
    let quickExitURL: String
    let languages: [LanguageChoice]
    let q: String
}
