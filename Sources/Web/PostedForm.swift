/// A posted form's fields, and the files of a multipart form (none for a URL-encoded one).
struct PostedForm {
    let fields: FormFields
    let files: [[UInt8]]

    subscript(name: String) -> String? { fields[name] }

    func all(_ name: String) -> [String] { fields.all(name) }
}
