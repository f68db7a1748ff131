import Casework
import SichtbarCore
import Workflow

/// The words the case pages show for the codes of the workflow policy and the taxonomy, in the
/// page's language (else German, else the code itself, so a page never shows an empty cell).
struct PolicyLabels {
    let policy: WorkflowPolicy
    let taxonomy: Taxonomy
    let language: String

    func pick(_ labels: [String: String]?, _ code: String) -> String {
        labels.flatMap { Taxonomy.label($0, language: language) } ?? code
    }

    func step(_ code: String) -> String { pick(policy.step(code)?.labels, code) }
    func kind(_ code: String) -> String { pick(policy.kind(code)?.labels, code) }
    func outcome(_ code: String) -> String { pick(policy.outcome(code)?.labels, code) }
    func document(_ code: String) -> String { pick(policy.document(code)?.labels, code) }
    func intervention(_ code: String) -> String { pick(policy.intervention(code)?.labels, code) }
    func event(_ code: String) -> String { pick(policy.event(code)?.labels, code) }
    func deadline(_ rule: String) -> String { pick(policy.deadlines.first { $0.code == rule }?.labels, rule) }
    func field(_ code: String) -> String { pick(policy.field(code)?.labels, code) }
    func requester(_ code: String) -> String { pick(policy.requester(code)?.labels, code) }
    func facet(_ key: String) -> String { pick(taxonomy.facet(key)?.labels, key) }
    func code(_ value: String, of facet: String) -> String { pick(taxonomy.facet(facet)?.code(value)?.labels, value) }
    func channel(_ code: String) -> String { self.code(code, of: "channel") }
    func region(_ key: String) -> String { taxonomy.region(key)?.name ?? key }
    func flag(_ code: String) -> String { pick(taxonomy.flags[code], code) }
}
