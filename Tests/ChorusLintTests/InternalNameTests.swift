@testable import ChorusLint
import Testing

@Suite("Internal names")
struct InternalNameTests {
    @Test func identifiersHostnamesAndAddresses() throws {
        let text = """
            payments-api, auth_service, checkoutService, orders-worker-3, us-east-1, search-indexer-02,
            db-01.prod.internal, payments.svc.cluster.local, ip-10-0-4-21.ec2.internal, localhost,
            10.0.3.17, 10.0.3.17:5432, fe80::1, 2001:db8::8a2e:370:7334
            """
        #expect(try lint(text).map(\.match) == [
            "payments-api", "auth_service", "checkoutService", "orders-worker-3", "us-east-1", "search-indexer-02",
            "db-01.prod.internal", "payments.svc.cluster.local", "ip-10-0-4-21.ec2.internal", "localhost",
            "10.0.3.17", "10.0.3.17:5432", "fe80::1", "2001:db8::8a2e:370:7334",
        ])
        #expect(try lint("Connections to 10.0.3.17 failed.").map(\.rule) == ["host-address"])
        #expect(try lint("Errors from payments-api.").map(\.rule) == ["internal-identifier"])
    }

    @Test func ordinaryWordsAreNotInternalNames() throws {
        let text = """
            Follow-up, sign-in, real-time, server-side, self-service, two-factor, UTF-8, SHA-256, COVID-19,
            status.example.com, Node.js, e.g. version 4.2.1, 14:00:00, 3.5%, iPhone, GitHub, JavaScript.
            """
        #expect(try lint(text) == [])
    }

    @Test func componentNamesSuggestAndFixToTheirPublicNames() throws {
        let components = [ComponentName(internalName: "pgbouncer-eu", publicName: "Database (EU)"),
                          ComponentName(internalName: "ledger", publicName: "Billing")]
        let findings = try lint("PGBouncer-EU is slow; the ledger is fine; ledgers, general-ledger and ledger.json are not.",
                                components: components)
        #expect(findings.map(\.match) == ["PGBouncer-EU", "ledger"])
        #expect(findings.map(\.rule) == ["component-name", "component-name"], "one finding per name, not also internal-identifier")
        #expect(findings.map(\.suggestion) == ["Database (EU)", "Billing"])
        #expect(findings.map(\.fix) == ["Database (EU)", "Billing"])
    }
}
