/// The `notice` and `member_notice` pages: a title that is also the heading, one paragraph, and
/// a link back in the same language.
struct NoticeView {
    let title: String
    let heading: String
    let text: String
    let linkURL: String
    let linkText: String
}
