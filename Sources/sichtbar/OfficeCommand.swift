import ArgumentParser
import CaseStore
import Casework
import Foundation
import Intake
import SichtbarCore

/// `sichtbar office …`
struct OfficeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "Offices and their public profile.",
        subcommands: [
            Add.self, Profile.self, Fallback.self, RotateKey.self, Recover.self, RecoveryCodeCommand.self,
            ConfirmVerbandKey.self,
        ])

    /// `office add --name NAME`: another office and a one-time invitation for its first lead.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an office; prints an invitation for its first lead.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The office's name.") var name: String
        @Flag(name: .long, help: "Print one JSON object.") var json = false

        func run() async throws {
            try await failingCleanly {
                let opened = try await dataOptions.open()
                let (office, keys) = try await OfficeSetup.createOffice(opened.setup, name: name)
                let invitation = try await OfficeSetup.invite(opened.setup, office: office, keys: keys, role: .lead)
                try await opened.members().record(
                    [
                        .member("operator", .officeCreated, office.id.hex),
                        .member("operator", .invitationCreated, "lead \(EntityID.hexString(invitation.tokenHash.prefix(8)))"),
                    ],
                    chain: office.id)
                // No recovery code here: the operator must never see one. The first lead receives a
                // new one when they enrol, and the one made with the office is retired then.
                if json {
                    struct Output: Encodable {
                        let office: String
                        let invitation: String
                    }
                    try JSONOutput.print(Output(office: office.id.hex, invitation: invitation.token))
                } else {
                    print(
                        """
                        Office \(office.name) created: \(office.id.hex)
                        Invitation for its first lead (valid 72 hours, once): \(invitation.token)
                        The office's recovery code is shown to that lead when they enrol.
                        """)
                }
            }
        }
    }

    /// `office profile`: what reporters see about the office.
    struct Profile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set what reporters see about an office.")
        @OptionGroup var dataOptions: DataOptions
        @OptionGroup var resources: ResourceOptions
        @Option(name: .long, help: "The office id.") var office: String
        @Option(name: .customLong("as"), help: "A lead of the office (the passphrase is read).") var lead: String
        @Option(name: .long) var city: String?
        @Option(name: .long) var address: String?
        @Option(name: .long, help: "Office hours (Sprechzeiten).") var hours: String?
        @Option(name: .long) var phone: String?
        @Option(name: .long) var email: String?
        @Option(name: .long, help: "Comma-separated language codes.") var languages: String?
        @Option(name: .long, help: "Comma-separated Kreis keys the office serves.") var regions: String?
        @Option(name: .long, help: "The data controller.") var controller: String?
        @Option(name: .long, help: "dsgvo, kdg or dsg-ekd.") var law: String?
        @Option(name: .long, help: "The data protection officer.") var dpo: String?
        @Option(name: .long, help: "The supervisory authority.") var authority: String?
        @Option(name: .long, help: "The address told, without content, that something waits (\"\" removes it).") var notify: String?

        func run() async throws {
            try await failingCleanly {
                guard let officeID = EntityID(hex: office) else { throw CLIError.badInput("--office takes a 32-digit office id") }
                let taxonomy = try Taxonomy.load(from: try resources.policiesURL().appendingPathComponent("taxonomy.yaml"))
                let context = try await MemberContext(dataOptions)
                guard let current = try await context.store.office(id: officeID) else { throw CLIError.badInput("no office \(office)") }
                let session = try await context.authenticateLead(lead, officeID: officeID)
                var profile = current.profile
                func set(_ value: String?, _ keyPath: WritableKeyPath<OfficeProfile, String?>) {
                    if let value { profile[keyPath: keyPath] = value.isEmpty ? nil : value }
                }
                set(city, \.city)
                set(address, \.address)
                set(hours, \.hours)
                set(phone, \.phone)
                set(email, \.email)
                set(controller, \.controller)
                set(dpo, \.dpo)
                set(authority, \.authority)
                if let languages {
                    let codes = Self.list(languages)
                    for code in codes where !ReportValidator.languages.contains(code) {
                        throw CLIError.badInput("--languages: \(code) is not one of \(ReportValidator.languages.joined(separator: ", "))")
                    }
                    profile.languages = codes
                }
                if let regions {
                    let keys = Self.list(regions)
                    for key in keys where taxonomy.region(key) == nil {
                        throw CLIError.badInput("--regions: \(key) is not a Kreis key of NRW")
                    }
                    profile.regions = keys
                }
                if let notify {
                    guard notify.isEmpty || EmailAddress(notify) != nil else {
                        throw CLIError.badInput("--notify takes an e-mail address like beratung@example.org")
                    }
                    profile.notify = notify.isEmpty ? nil : notify
                }
                if let law {
                    guard let value = DataProtectionLaw(rawValue: law) else {
                        throw CLIError.badInput("--law takes dsgvo, kdg or dsg-ekd")
                    }
                    profile.law = value
                }
                try await context.stores.setup.updateProfile(officeID: officeID, profile: profile)
                try await context.service.record(session, .officeProfileChanged)
                print("Profile of \(current.name) updated.")
                if !profile.takesReports {
                    print(
                        "Reporters are not offered this office until its privacy notice names: "
                            + profile.noticeGaps.map { "--\($0)" }.joined(separator: ", ") + ".")
                }
            }
        }

        static func list(_ text: String) -> [String] {
            text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }

    /// `office fallback --office ID`: the operator names the office that receives reports from
    /// regions no office serves (the Verband's own counselling, as a rule). Reporters are told
    /// of it on the form and the receipt names it, so no report is routed silently.
    struct Fallback: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Make an office the fallback for regions no office serves.")
        @OptionGroup var dataOptions: DataOptions
        @Option(name: .long, help: "The office id.") var office: String

        func run() async throws {
            try await failingCleanly {
                guard let officeID = EntityID(hex: office) else { throw CLIError.badInput("--office takes a 32-digit office id") }
                let opened = try await dataOptions.open()
                let members = opened.members()
                guard let chosen = try await members.office(id: officeID) else { throw CLIError.badInput("no office \(office)") }
                try await opened.setup.setFallbackOffice(officeID)
                try await members.record(
                    [.member("operator", .officeFallbackSet, chosen.id.hex)], chain: chosen.id)
                print("Reports from regions no office serves now go to \(chosen.name).")
                if !chosen.profile.takesReports {
                    print(
                        "It takes no reports until its privacy notice names: "
                            + chosen.profile.noticeGaps.map { "--\($0)" }.joined(separator: ", ") + " (office profile).")
                }
            }
        }
    }
}
