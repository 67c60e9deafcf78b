import ChorusCore
import ChorusSupport
import Foundation
import Testing

@Suite("Publishing destinations in chorus.json")
struct DestinationParserTests {
    func problems(_ destinations: String) -> [String] {
        WorkspaceConfig.read("{\n  \"destinations\": \(destinations)\n}\n", file: "chorus.json").problems.map(\.description)
    }

    @Test func everyTypeIsReadWithItsDefaults() throws {
        let text = """
            {
              "destinations": {
                "customer": [ { "type": "statuspage", "pageId": "kctbh9vrtdwd", "apiKeyEnv": "SP_KEY", "notify": false,
                                "maintenance": { "autoCompleted": false } } ],
                "engineering": [ { "type": "slack", "tokenEnv": "SLACK_BOT_TOKEN", "channel": "C01", "updates": "update", "broadcast": true },
                                 { "type": "slack", "webhookEnv": "SLACK_HOOK" } ],
                "leadership": [ { "type": "email", "from": "Ops <ops@acme.example>", "to": ["a@acme.example"], "outbox": "mail" } ],
                "sales": [ { "type": "webhook", "name": "crm", "url": "https://crm.acme.example/hook/", "secretEnv": "HOOK_SECRET",
                             "headers": { "X-Team": "sales" } } ]
              }
            }
            """
        let config = try WorkspaceConfig.parse(text, file: "chorus.json")
        let customer = try #require(config.publishing["customer"]?.first)
        guard case .statuspage(let page) = customer.service else { Issue.record("not statuspage"); return }
        #expect(page.apiURL == "https://api.statuspage.io/v1" && page.notify == false)
        #expect(page.maintenance.autoCompleted == false && page.maintenance.remindPrior == true)
        let engineering = try #require(config.publishing["engineering"])
        #expect(engineering.map(\.name) == ["slack", "slack-2"], "repeated types are numbered")
        guard case .slackAPI(let slack) = engineering[0].service, case .slackWebhook = engineering[1].service else {
            Issue.record("not slack"); return
        }
        #expect(slack.updates == .update && slack.broadcast && slack.apiURL == "https://slack.com/api")
        guard case .webhook(let hook)? = config.publishing["sales"]?.first?.service else { Issue.record("not webhook"); return }
        #expect(hook.address == .url("https://crm.acme.example/hook") && hook.signatureHeader == "X-Chorus-Signature-256")
        #expect(config.publishing["sales"]?.first?.name == "crm")
        #expect(engineering[0].environmentVariables == ["SLACK_BOT_TOKEN"])
    }

    @Test func problemsNameTheirPositionAndWhatWasExpected() {
        let found = problems("""
            { "customer": [ { "type": "statuspag", "pageId": "x" } ],
                "engineering": [ { "type": "slack", "tokenEnv": "SLACK", "chanel": "C01" } ],
                "sales": [ { "type": "webhook", "url": "http://crm.acme.example" } ],
                "leadership": [ { "type": "email", "from": "nobody", "to": [], "sendmail": ["sendmail"] } ] }
            """)
        #expect(found.contains("chorus.json:2:45: error: at $.destinations.customer[0].type: unknown destination type \"statuspag\"; expected one of \"slack\", \"statuspage\", \"email\", \"webhook\". Did you mean \"statuspage\"?"), "\(found)")
        #expect(found.contains { $0.hasPrefix("chorus.json:3:62: error: at $.destinations.engineering[0].chanel: unknown key \"chanel\"") && $0.contains("Did you mean \"channel\"?") }, "\(found)")
        #expect(found.contains { $0.contains("$.destinations.engineering[0].channel: a slack destination with \"tokenEnv\" needs a \"channel\"") })
        #expect(found.contains { $0.contains("$.destinations.sales[0].url: expected an https:// address (http:// only to localhost)") })
        #expect(found.contains { $0.contains("$.destinations.leadership[0].from: expected an e-mail address") })
        #expect(found.contains { $0.contains("$.destinations.leadership[0].to: needs at least one address") })
        #expect(found.contains { $0.contains("$.destinations.leadership[0].sendmail[0]: the command must be an absolute path") })
    }

    @Test func aSecretWrittenInTheFileIsRefusedAndNeverQuoted() {
        let found = problems("""
            { "customer": [ { "type": "statuspage", "pageId": "x", "apiKey": "sk_live_SECRET", "apiKeyEnv": "sk_live_SECRET2" } ],
                "engineering": [ { "type": "slack", "webhookEnv": "https://hooks.slack.com/services/T/B/SECRET3" } ] }
            """)
        #expect(found.contains { $0.contains("$.destinations.customer[0].apiKey: secrets are never written in chorus.json") && $0.contains("\"apiKeyEnv\"") })
        #expect(found.contains { $0.contains("$.destinations.engineering[0].webhookEnv: expected the name of an environment variable") })
        #expect(!found.joined().contains("SECRET"), "\(found)")
    }

    @Test func twoDestinationsWithOneNameAreAnError() {
        let found = problems("""
            { "sales": [ { "type": "webhook", "name": "crm", "url": "https://a.example" }, { "type": "webhook", "name": "crm", "url": "https://b.example" } ] }
            """)
        #expect(found.contains { $0.contains("$.destinations.sales[1].name: another destination of sales is already called \"crm\"") })
    }
}
