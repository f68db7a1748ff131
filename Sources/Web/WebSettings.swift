import Casework
import Intake
import ScanScrubbing

/// What the web layer is configured with (flags of `sichtbar serve`).
public struct WebSettings: Sendable {
    /// The largest JSON body the API reads.
    public static let maxJSONBody = 128 * 1024
    /// The largest form body the pages read (percent-encoding triples non-ASCII text).
    public static let maxFormBody = 256 * 1024
    /// The largest multipart form: the report form's text and its evidence files.
    public static let maxMultipartBody = maxFormBody + ReporterService.maxFiles * MetadataStripper.maximumSize

    /// The reverse proxy whose X-Forwarded-For is believed; nil believes no header.
    public var trustedProxy: String?
    /// Reports one (hashed) client address may send per hour; 0 turns the cap off.
    public var intakePerAddressPerHour: Int
    /// Reports per second the whole service takes; 0 turns the cap off.
    public var intakeGlobalPerSecond: Int
    /// Mailbox requests one client address may make per minute; 0 turns the cap off.
    public var mailboxPerAddressPerMinute: Int
    /// Where the quick-exit link leads.
    public var quickExitURL: String

    public init(
        trustedProxy: String? = nil, intakePerAddressPerHour: Int = 20, intakeGlobalPerSecond: Int = 50,
        mailboxPerAddressPerMinute: Int = 30, quickExitURL: String = "https://www.google.de/search?q=wetter"
    ) {
        self.trustedProxy = trustedProxy
        self.intakePerAddressPerHour = intakePerAddressPerHour
        self.intakeGlobalPerSecond = intakeGlobalPerSecond
        self.mailboxPerAddressPerMinute = mailboxPerAddressPerMinute
        self.quickExitURL = quickExitURL
    }
}
